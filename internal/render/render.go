// Package render is the per-page runtime of a build: it turns one page's
// source into its rendered body (shortcodes expanded, markdown rendered,
// links resolved), memoised within the build, and derives what the page's
// view shows of it (TOC, summary, structured data, outline). It also owns
// what shortcode templates see of pages and of the site, and the .Content
// cycle detection between pages that include each other.
//
// A Renderer serves one build. Its inputs (the content tree, the page
// bodies of Sources, the views) are never written; what it drops to save
// memory are results, rendered again when asked for.
package render

import (
	"html/template"
	"sync"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/markdown"
	"github.com/quire-docs/quire/internal/memo"
	"github.com/quire-docs/quire/internal/shortcode"
)

// ID identifies a rendered body for a caller's memo keys: two bodies with
// one ID have the same HTML. Zero means none was asked for.
type ID [2]uint64

// Options are what a Renderer reads.
type Options struct {
	Config     config.Config // unsafe HTML, TOC levels, params, baseURL
	Markdown   *markdown.Renderer
	Shortcodes *shortcode.Set
	Links      *Links
	Tree       *content.Site
	Site       *layout.Site // the views of Tree.Pages, by index
	Sources    Sources
	// Layouts, when set, runs the site's render hook templates on page
	// bodies (see layout.Templates.Hook).
	Layouts *layout.Templates
	// Memo, when set, keeps markdown results between builds (quire
	// serve's), and every Body gets an ID for the memo keys of later
	// stages: the memo entry's, or a hash of its HTML.
	Memo *Memo
	// KeepMarkdown keeps each markdown page's body after its shortcodes
	// are expanded in Body.Markdown (for its markdown twin, see llms).
	KeepMarkdown bool
}

// Renderer renders the pages of one build. It is safe for concurrent use:
// pages render in parallel, and one page's shortcodes may ask for another
// page's body.
type Renderer struct {
	opts    Options
	views   map[*content.Page]*layout.Page
	linksFP memo.Key // Options.Links' fingerprint, with a Memo
	hooksFP memo.Key // the render hook templates' fingerprint, with a Memo

	mu     sync.Mutex
	done   map[*content.Page]*Body // the build's bodies
	scUsed map[*content.Page]bool  // pages whose bodies have shortcodes
}

// New returns a Renderer for the pages of opts.Tree.
func New(opts Options) *Renderer {
	r := &Renderer{
		opts:   opts,
		views:  make(map[*content.Page]*layout.Page, len(opts.Tree.Pages)),
		done:   make(map[*content.Page]*Body, len(opts.Tree.Pages)),
		scUsed: map[*content.Page]bool{},
	}
	for i, p := range opts.Tree.Pages {
		r.views[p] = opts.Site.Pages[i]
	}
	if opts.Memo != nil {
		r.linksFP = opts.Memo.fingerprint(opts.Links)
		r.hooksFP = opts.Memo.hooksFingerprint(opts.Layouts)
	}
	return r
}

// WithBodies returns a Renderer for the same pages with views site (a
// CopySite of r's) whose bodies are those of r but for edits (page → its
// new body) and the pages of again, whose bodies are rendered anew when
// asked for. r is not changed: a quick rebuild that fails leaves the last
// build as it was.
func (r *Renderer) WithBodies(site *layout.Site, edits map[*content.Page][]byte, again []*content.Page) *Renderer {
	opts := r.opts
	opts.Site = site
	opts.Sources = r.opts.Sources.With(edits)
	n := New(opts)
	r.mu.Lock()
	for p, b := range r.done {
		n.done[p] = b
	}
	for p := range r.scUsed {
		n.scUsed[p] = true
	}
	r.mu.Unlock()
	for _, p := range again {
		delete(n.done, p)
		delete(n.scUsed, p) // marked again if it still has some
	}
	return n
}

// Source returns page p's body as this build reads it.
func (r *Renderer) Source(p *content.Page) []byte { return r.opts.Sources.Body(p) }

// Sources returns the bodies this build reads.
func (r *Renderer) Sources() Sources { return r.opts.Sources }

// Links returns the build's link resolver.
func (r *Renderer) Links() *Links { return r.opts.Links }

// HasShortcodes reports whether page p's body, as last rendered, has
// shortcodes: its result depends on other pages and on the shortcode
// templates, so a quick rebuild renders it again.
func (r *Renderer) HasShortcodes(p *content.Page) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.scUsed[p]
}

// Body is one page's rendered body, positions in its markdown result
// pointing into the page's own source.
type Body struct {
	Result  markdown.Result    // Result.HTML is nil: HTML holds it
	HTML    template.HTML      // the rendered body, the one copy kept
	Diags   []*diag.Diagnostic // shortcode errors
	Anchors []shortcode.Anchor
	Err     error // the markdown stage failed
	// ID identifies HTML in a build with a Memo.
	ID ID
	// Released: the page was written and its HTML dropped (Release);
	// Result holds only its headings and HTML is empty.
	Released bool
	// Markdown is the markdown rendered, with every shortcode's output
	// in place ({{< >}}'s as the HTML it made); only with
	// Options.KeepMarkdown, and nil for an HTML content file.
	Markdown []byte
}

// View returns the template view of page p, nil for a page not built.
func (r *Renderer) View(p *content.Page) *layout.Page { return r.views[p] }
