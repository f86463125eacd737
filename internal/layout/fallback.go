package layout

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/quire-docs/quire/internal/diag"
)

// Fallback is why a page was built with the default theme's templates
// rather than the site's own: File, one of the site's templates, needs
// Feature, which quire does not have.
type Fallback struct {
	File    string // "layouts/_default/baseof.html"
	Feature string // `partial "navbar.html"`, ".Paginator"
}

// fallbacks is what Templates keeps of the pages it built with the
// default theme.
type fallbacks struct {
	theme []string // the site's theme (config's theme setting and module imports)
	once  sync.Once
	plain *Templates // the default theme alone, made on first use
	err   error
	mu    sync.Mutex
	seen  map[Fallback]int // pages per reason
}

// SetThemes names the Hugo themes the site's templates were written for
// (config's theme setting). A site template that calls a partial which
// is in neither the site nor quire is then taken to need that theme:
// its pages are built with quire's default theme (see Page), where
// without a theme it is the site's own error.
func (t *Templates) SetThemes(themes []string) { t.fb.theme = slices.Clone(themes) }

// fieldMissing matches text/template's error for a field or method of
// one of this package's types that quire does not have, such as Hugo's
// .Paginator or .Site.Menus.
var fieldMissing = regexp.MustCompile(`can't evaluate field (\w+) in type \*?layout\.(\w+)`)

// lacks reports whether err, of a page's templates, comes from what the
// site's templates need of Hugo and quire lacks, and what.
func (t *Templates) lacks(err error) (Fallback, bool) {
	var d *diag.Diagnostic
	file := ""
	if errors.As(err, &d) {
		file = d.File
	}
	if strings.HasPrefix(file, "theme/") {
		return Fallback{}, false // the default theme's own error
	}
	msg := err.Error()
	if name, ok := missingPartial(msg); ok && len(t.fb.theme) > 0 {
		return Fallback{File: file, Feature: fmt.Sprintf("partial %q", name)}, true
	}
	if m := fieldMissing.FindStringSubmatch(msg); m != nil && hugoHas(m[2], m[1]) {
		prefix := ""
		if m[2] == "Site" {
			prefix = ".Site"
		}
		return Fallback{File: file, Feature: prefix + "." + m[1]}, true
	}
	return Fallback{}, false
}

// hugoPage and hugoSite are the methods of Hugo's Page and Site that
// templates call: a site's template that asks quire's Page or Site for
// one it lacks was written for Hugo, where another name is a mistake.
const (
	hugoPage = ` Aliases AllTranslations AlternativeOutputFormats Ancestors BundleType CodeOwners Content
		ContentWithoutSummary CurrentSection Data Date Description Draft Eq ExpiryDate File FirstSection
		Fragments FuzzyWordCount GetPage GetTerms GitInfo HasMenuCurrent HasShortcode HeadingsFiltered
		InSection IsAncestor IsDescendant IsHome IsMenuCurrent IsNode IsPage IsSection IsTranslated
		Keywords Kind Lang Language Lastmod Layout Len LinkTitle Next NextInSection OutputFormats Page
		Pages Paginate Paginator Param Params Parent Path Permalink Plain PlainWords Prev PrevInSection
		PublishDate RawContent ReadingTime Ref RegularPages RegularPagesRecursive RelPermalink RelRef
		Render RenderShortcodes RenderString Resources Scratch Section Sections Site Sitemap Sites Slug
		Store Summary TableOfContents Title TranslationKey Translations Truncated Type Weight WordCount `
	hugoSite = ` AllPages Author Authors BaseURL BuildDrafts Config Copyright Data DisqusShortname GetPage
		GoogleAnalytics Home Hugo IsMultiLingual IsServer Language LanguageCode LanguagePrefix Languages
		LastChange Lastmod MainSections Menus Pages Param Params RegularPages Sections Sites Social Store
		Taxonomies Title `
)

// hugoHas reports whether Hugo's type (Page or Site) has the method.
func hugoHas(typ, name string) bool {
	switch typ {
	case "Page":
		return slices.Contains(strings.Fields(hugoPage), name)
	case "Site":
		return slices.Contains(strings.Fields(hugoSite), name)
	}
	return false
}

// themeOnly returns the default theme's templates alone, with t's
// settings.
func (t *Templates) themeOnly() (*Templates, error) {
	t.fb.once.Do(func() {
		plain, err := New(nil, "")
		if err != nil {
			t.fb.err = err
			return
		}
		plain.funcOpts, plain.limits, plain.markdownify = t.funcOpts, t.limits, t.markdownify
		t.fb.plain = plain
	})
	return t.fb.plain, t.fb.err
}

// PageFallback is Page, and when the site's templates fail on what they
// need of Hugo and quire lacks (a partial of the Hugo theme the site
// names, which is not there; a field such as .Paginator or .Site.Menus),
// it renders p with the default theme instead, records why (see
// FallbackWarning) and returns the reason. The site's shortcodes and
// render hooks ran before, in p's Content, and are not affected.
func (t *Templates) PageFallback(w io.Writer, p *Page) (*Fallback, error) {
	if p == nil || p.Site == nil {
		return nil, errors.New("layout: page or its site is nil")
	}
	return t.orTheme(func(u *Templates) error { return u.render(w, p.Site.BaseURL, u.mainFor(p), p) })
}

// NotFoundFallback is NotFound with PageFallback's fallback.
func (t *Templates) NotFoundFallback(w io.Writer, s *Site) (*Fallback, error) {
	return t.orTheme(func(u *Templates) error { return u.NotFound(w, s) })
}

// orTheme runs render with t, then, when it fails on what quire lacks,
// with the default theme alone; render writes nothing when it fails.
func (t *Templates) orTheme(render func(*Templates) error) (*Fallback, error) {
	err := render(t)
	if err == nil {
		return nil, nil
	}
	fb, ok := t.lacks(err)
	if !ok {
		return nil, err
	}
	plain, perr := t.themeOnly()
	if perr != nil || render(plain) != nil {
		return nil, err // the site's error is the one to fix
	}
	t.noteFallback(fb)
	return &fb, nil
}

// missingPartial returns the name in the error message of a partial call
// that found no template (see partial).
func missingPartial(msg string) (string, bool) {
	const pre = `partial "`
	i := strings.Index(msg, pre)
	if i < 0 || !strings.Contains(msg[i:], `" not found (looked for`) {
		return "", false
	}
	name := msg[i+len(pre):]
	return name[:strings.IndexByte(name, '"')], true
}

// noteFallback records that a page was built with the default theme for
// fb.
func (t *Templates) noteFallback(fb Fallback) {
	t.fb.mu.Lock()
	defer t.fb.mu.Unlock()
	if t.fb.seen == nil {
		t.fb.seen = map[Fallback]int{}
	}
	t.fb.seen[fb]++
}

// FallbackWarning returns one warning, on the layouts directory dir,
// naming every site template that
// quire replaced with its default theme's, and what each needs; nil when
// none was.
func (t *Templates) FallbackWarning(dir string) *diag.Diagnostic {
	t.fb.mu.Lock()
	defer t.fb.mu.Unlock()
	if len(t.fb.seen) == 0 {
		return nil
	}
	byFile := map[string][]string{}
	pages := 0
	for fb, n := range t.fb.seen {
		byFile[fb.File] = append(byFile[fb.File], fb.Feature)
		pages += n
	}
	// The first failure stops a template: name what else its text
	// shows quire lacks, in each of the site's own templates.
	for _, n := range names(t.files) {
		if f := t.files[n]; !f.embedded && !strings.Contains(n, "_markup/") {
			for _, need := range t.needs(n) {
				if !slices.Contains(byFile[f.display], need) {
					byFile[f.display] = append(byFile[f.display], need)
				}
			}
		}
	}
	files := make([]string, 0, len(byFile))
	for f := range byFile {
		files = append(files, f)
	}
	sort.Strings(files)
	var parts []string
	for _, f := range files {
		fs := byFile[f]
		sort.Strings(fs)
		parts = append(parts, fmt.Sprintf("%s (needs %s)", f, strings.Join(fs, ", ")))
	}
	noun := "pages"
	if pages == 1 {
		noun = "page"
	}
	theme := ""
	if len(t.fb.theme) > 0 {
		theme = fmt.Sprintf(" (its theme, %s, is not there)", t.fb.theme[0])
	}
	return diag.Warnf(dir, 0, 0, "%d %s built with quire's default theme, as the site's templates need what quire does not have%s: %s",
		pages, noun, theme, strings.Join(parts, "; ")).
		WithHint("content, shortcodes and render hooks are the site's own; coming-from-hugo says what quire's templates have")
}
