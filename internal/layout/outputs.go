package layout

import (
	"path"
	"strings"

	"github.com/quire-docs/quire/internal/diag"
)

// dropOutputTemplates removes from files the site's templates for outputs
// quire does not make, and returns one warning naming them all, or nil.
// They are the files outside partials/ whose name does not end in .html:
// Hugo's templates for other output formats (index.rss.xml, sitemap.xml,
// robots.txt, index.redirects, list.json, ...). quire writes HTML pages and
// its own sitemap.xml and robots.txt, so it never runs them; they are not
// parsed either, so a function one uses that quire lacks fails nothing.
// dir names the site's layouts folder in the warning.
func dropOutputTemplates(files map[string]file, dir string) *diag.Diagnostic {
	var dropped []string
	for _, n := range names(files) {
		f := files[n]
		if f.embedded || strings.HasPrefix(n, "partials/") || path.Ext(n) == ".html" {
			continue
		}
		dropped = append(dropped, f.display)
		delete(files, n)
	}
	if len(dropped) == 0 {
		return nil
	}
	if dir == "" {
		dir = "layouts"
	}
	return diag.Warnf(dir, 0, 0, "templates for outputs quire does not make, not used: %s", strings.Join(dropped, ", ")).
		WithHint("quire writes HTML pages, and its own sitemap.xml and robots.txt; content/docs/coming-from-hugo.md says what differs")
}

// Warnings are what New found that does not stop a build: the site's
// templates it does not use (one warning naming them).
func (t *Templates) Warnings() []*diag.Diagnostic { return t.warnings }
