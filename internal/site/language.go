package site

import (
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/gitinfo"
	"github.com/quire-docs/quire/internal/layout"
)

// Language is one language of a multilingual site, given to Build in
// Options.Language by package multilingual, which builds such a site one
// language at a time: what it worked out for this language from every
// language's content before the build, which Build uses in place of
// loading the content and reading git itself.
type Language struct {
	// Tree is the language's pages, loaded with the other languages';
	// Warnings and Err are what content.Load said of them.
	Tree     *content.Site
	Warnings []*diag.Diagnostic
	Err      error
	// Git is its pages' git history (enableGitInfo), nil for none;
	// GitWarnings say why there is none, or that its dates are wrong.
	Git         *gitinfo.Info
	GitWarnings []*diag.Diagnostic
	// Elsewhere are the output paths, relative to this language's
	// output, of the other languages' pages and files: links to them
	// stand.
	Elsewhere []string
	// View is the language as templates see it, Views every language of
	// the site; Translations are its pages' versions in the others.
	View         *layout.Language
	Views        []*layout.Language
	Translations map[*content.Page][]*layout.Translation
}
