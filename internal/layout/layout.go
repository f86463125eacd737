// Package layout executes the html/template set: the embedded default theme
// with the site's layouts/ files overriding their embedded twins.
package layout

import (
	"html/template"
	"io"
	"io/fs"
	"time"

	"github.com/quire-docs/quire/internal/toc"
)

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
}

// Page is a page as templates see it. Names follow Hugo's where the concept
// is the same.
type Page struct {
	Kind            string // "home", "section", "page"
	Title           string
	LinkTitle       string
	Description     string
	Weight          int
	Draft           bool
	Date            time.Time
	Lastmod         time.Time
	Type            string
	Params          map[string]any
	Content         template.HTML
	TableOfContents template.HTML // "" when the page has no TOC
	TOC             *toc.TOC
	RelPermalink    string // includes the baseURL path: "/docs/faq/security/"
	Permalink       string // absolute: baseURL + path
	File            string // source file, "content/faq/security.md"
	Parent          *Page
	Pages           []*Page // children, for sections and home
	Prev            *Page
	Next            *Page
	Site            *Site
}

// IsHome, IsSection, IsPage report the kind, as in Hugo.
func (p *Page) IsHome() bool    { return p.Kind == "home" }
func (p *Page) IsSection() bool { return p.Kind == "section" }
func (p *Page) IsPage() bool    { return p.Kind == "page" }

// Templates is a parsed template set; safe for concurrent Execute calls.
type Templates struct{}

// Theme returns the embedded theme's assets directory (CSS, JS).
func Theme() fs.FS { panic("unimplemented") }

// New parses the embedded theme, then the files of overrides (the site's
// layouts/ dir; may be nil) over it. name is how diagnostics name the
// override dir ("layouts"). Parse errors name the template file and line.
func New(overrides fs.FS, name string) (*Templates, error) { panic("unimplemented") }

// Page renders p with _default/single.html (pages) or _default/list.html
// (home and sections), both inside _default/baseof.html.
func (t *Templates) Page(w io.Writer, p *Page) error { panic("unimplemented") }

// NotFound renders 404.html for the site.
func (t *Templates) NotFound(w io.Writer, s *Site) error { panic("unimplemented") }

// Alias renders a redirect page to the absolute or root-relative URL target.
func Alias(w io.Writer, target string) error { panic("unimplemented") }
