// Package layout executes the html/template set: the embedded default theme
// with the site's layouts/ files overriding their embedded twins.
package layout

import (
	"crypto/sha256"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"sync"
	"time"

	"github.com/quire-docs/quire/internal/budget"
	"github.com/quire-docs/quire/internal/bufpool"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/funcs"
	"github.com/quire-docs/quire/internal/gitinfo"
	"github.com/quire-docs/quire/internal/i18n"
	"github.com/quire-docs/quire/internal/toc"
)

// theme is the embedded default theme: theme/layouts (templates) and
// theme/assets (CSS). "all:" because "_default" would be left out.
//
//go:embed all:theme
var theme embed.FS

// Asset is a processed asset as templates see it.
type Asset struct {
	RelPermalink string
	Integrity    string
}

// Site is the site as templates see it (.Site).
type Site struct {
	Title        string
	BaseURL      string // with trailing slash
	LanguageCode string
	Params       map[string]any
	Home         *Page
	Pages        []*Page // reading order
	Drafts       bool    // built with --drafts
	Assets       map[string]Asset
	Data         map[string]any // the data/ files: .Site.Data.authors.jane from data/authors/jane.yaml
	Resources    *Resources     // resources.Get and pages' .Resources (resources.go); nil: none
	// I18n answers T: the site's i18n/ tables over the theme's, in the
	// language of LanguageCode. nil: the theme's English.
	I18n      *i18n.Translator
	Language  *Language   // the language of the pages built; never nil in a build
	Languages []*Language // every language of the site, in order (weight, then code); one for a site of one language
}

// Page is a page as templates see it. Names follow Hugo's where the concept
// is the same.
type Page struct {
	Kind            string // "home", "section", "page"
	Title           string
	LinkTitle       string
	Description     string
	Summary         string // plain text of the body's first paragraph, shortened to about 160 characters
	Weight          int
	Draft           bool
	Date            time.Time
	Lastmod         time.Time
	GitInfo         *gitinfo.Commit // the last commit of the page's file, with enableGitInfo; nil for none
	Type            string          // front matter "type", inherited from sections
	Section         string          // top-level section: "faq" for content/faq/a/b.md; "" for home and root-level pages
	Params          map[string]any
	Content         template.HTML
	TableOfContents template.HTML // "" when the page has no TOC
	TOC             *toc.TOC      // never nil in a build (templates range .TOC.Entries); no entries when no TOC
	JSONLD          template.JS   // structured data for a <script type="application/ld+json">: FAQPage on FAQ pages; "" when none
	HasMath         bool          // the body has math for KaTeX to typeset (the theme then loads it)
	HasMermaid      bool          // the body has Mermaid diagrams to draw (the theme then loads Mermaid)
	EditURL         string        // the page's source in the site's repository, from [params] editURL; "" when unset
	RelPermalink    string        // includes the baseURL path: "/docs/faq/security/"
	Permalink       string        // absolute: baseURL + path
	Unindexed       bool          // left out of the sitemap and search index: build options say it is not written, or not listed site-wide
	File            string        // source file, "content/faq/security.md"
	Parent          *Page
	Pages           []*Page // children, for sections and home
	Prev            *Page
	Next            *Page
	Site            *Site
	Lang            string         // the language's code, .Site.Language.Lang
	Language        *Language      // .Site.Language
	Translations    []*Translation // its versions in the other languages, in their order (language.go)
}

// IsHome, IsSection, IsPage report the kind, as in Hugo.
func (p *Page) IsHome() bool    { return p != nil && p.Kind == "home" }
func (p *Page) IsSection() bool { return p != nil && p.Kind == "section" }
func (p *Page) IsPage() bool    { return p != nil && p.Kind == "page" }

// Templates is a parsed template set; safe for concurrent Execute calls.
type Templates struct {
	files map[string]file // template name → source

	mu   sync.Mutex
	free map[string][]*sets // idle sets by Site.BaseURL; see acquire

	srcs  sync.Map // main template name → []Source, see Sources
	deps  sync.Map // main template name → bodyReads, see ReadsOtherBodies
	mains sync.Map // mainKey → main template name, see mainFor
	fp    [sha256.Size]byte

	limits      budget.Limits           // of one page's rendering, see SetLimits
	markdownify Markdownify             // see SetMarkdownify
	english     func() *i18n.Translator // the theme's English, for a Site without I18n; made once
	funcOpts    funcs.Options           // see SetFuncs
	warnings    []*diag.Diagnostic
	hooks       hookInfo // see hooks.go
	fb          fallbacks
}

// maxBound caps how many base URLs Templates.free keeps sets for; past it
// sets are built per call.
const maxBound = 8

// Theme returns the embedded theme's assets directory (CSS, JS).
func Theme() fs.FS {
	sub, err := fs.Sub(theme, "theme/assets")
	if err != nil { // cannot happen: the directory is embedded
		return theme
	}
	return sub
}

// New parses the embedded theme, then the files of overrides (the site's
// layouts/ dir; may be nil) over it. name is how diagnostics name the
// override dir ("layouts"). Parse errors name the template file and line.
//
// Every override file replaces its embedded twin of the same relative path
// ("_default/single.html"); other files are added (new partials). Parse
// errors of all files are returned joined, each a *diag.Diagnostic.
func New(overrides fs.FS, name string) (*Templates, error) {
	files, err := loadFiles(overrides, name)
	if err != nil {
		return nil, err
	}
	var warnings []*diag.Diagnostic
	if w := dropOutputTemplates(files, name); w != nil {
		warnings = append(warnings, w)
	}
	if err := checkSyntax(files); err != nil {
		return nil, err
	}
	t := &Templates{files: files, free: map[string][]*sets{}, fp: fingerprint(files), warnings: warnings, hooks: hookInfoOf(files),
		english: sync.OnceValue(english)}
	// Parse every main file's set once now so errors that only show when
	// files are combined are reported by New. Pages build their sets
	// again, lazily, with funcs bound to the site's base URL.
	if err := t.checkSets(); err != nil {
		return nil, err
	}
	return t, nil
}

// Page renders p with the first main template that exists of, as Hugo
// looks them up (TYPE is p.Type, SECTION is p.Section):
//
//	page:    TYPE/single.html, SECTION/single.html, _default/single.html
//	section: TYPE/list.html,   SECTION/list.html,   _default/list.html
//	home:    index.html, _default/list.html
//
// A main template that defines "main" fills _default/baseof.html's block;
// one that does not is a whole page. Nothing is written to w when
// rendering fails; errors are *diag.Diagnostic naming the template file
// and line.
func (t *Templates) Page(w io.Writer, p *Page) error {
	if p == nil || p.Site == nil {
		return errors.New("layout: page or its site is nil")
	}
	return t.render(w, p.Site.BaseURL, t.mainFor(p), p)
}

// NotFound renders 404.html for the site. The template sees a Page of Kind
// "404" with Title "Page not found" and no permalink.
func (t *Templates) NotFound(w io.Writer, s *Site) error {
	if s == nil {
		return errors.New("layout: site is nil")
	}
	p := &Page{Kind: "404", Title: "Page not found", Site: s, Params: map[string]any{}, TOC: &toc.TOC{}}
	return t.render(w, s.BaseURL, notFoundName, p)
}

// SetLimits bounds the rendering of each page from now on: the bytes its
// templates write, partials included (a partial's output counts where the
// partial writes it and again where it is included), with the strings
// print, printf and println make, and the time it takes. Past either, Page and NotFound fail with a *budget.Error naming
// the template that was running. Call it before rendering, not during.
func (t *Templates) SetLimits(l budget.Limits) { t.limits = l }

// render executes the set of main, bound to baseURL, into a buffer and
// copies it to w only on success.
func (t *Templates) render(w io.Writer, baseURL, main string, p *Page) error {
	s := t.acquire(baseURL)
	set, err := t.set(s, main)
	if err != nil {
		t.release(baseURL, s)
		return err
	}
	b := t.limits.Start()
	defer b.Stop()
	s.depth.budget = b
	s.depth.site = p.Site
	buf := bufpool.Get()
	err = b.Exec(displayOf(t.files, main), buf, func(w io.Writer) error { return set.Execute(w, p) })
	if be := b.Err(); be != nil && be.Timeout() {
		// The execution may still be running, abandoned (see
		// budget.Budget.Exec): s and buf are left to it, not reused.
		return be
	}
	s.depth.budget = nil
	t.release(baseURL, s)
	defer bufpool.Put(buf)
	if err != nil {
		return escapeHint(t.diagnose(err, set.Name()), err, t.files, main)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// Fingerprint identifies the template files: two sets with the same
// fingerprint render every page the same.
func (t *Templates) Fingerprint() [sha256.Size]byte { return t.fp }

func fingerprint(files map[string]file) [sha256.Size]byte {
	h := sha256.New()
	for _, n := range names(files) {
		f := files[n]
		fmt.Fprintf(h, "%d:%s%d:%s%d:%s", len(n), n, len(f.display), f.display, len(f.text), f.text)
	}
	var fp [sha256.Size]byte
	h.Sum(fp[:0])
	return fp
}
