package render

import (
	"errors"
	"fmt"
	"html/template"
	"strings"
	"sync/atomic"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/toc"
)

// scPage is .Page in shortcode templates: the page as layouts see it, but
// with .Content rendered on demand, so one page can include another.
type scPage struct {
	*layout.Page
	r     *Renderer
	p     *content.Page
	chain []*content.Page // pages being rendered, outermost first
	own   *ownTOC         // set on the .Page of the page being expanded
}

// ownTOC is the table of contents of the page whose shortcodes are being
// expanded, for its own shortcodes: unknown until its markdown is
// rendered, so a page whose shortcodes ask for it is expanded twice (see
// Renderer.renderOnce), the second time with the first pass's headings.
type ownTOC struct {
	wanted   atomic.Bool // a template abandoned at its timeout may still set it
	known    bool
	headings []toc.Heading
}

// page returns the shortcode view of p, rendered within chain.
func (r *Renderer) page(p *content.Page, chain []*content.Page) *scPage {
	return &scPage{Page: r.views[p], r: r, p: p, chain: chain}
}

// Content renders the page's body (once per build) and returns its HTML.
func (sp *scPage) Content() (template.HTML, error) {
	if sp.inChain() {
		names := make([]string, 0, len(sp.chain)+1)
		for _, c := range sp.chain {
			names = append(names, c.File)
		}
		return "", fmt.Errorf("content of %s includes itself: %s", sp.p.File, strings.Join(append(names, sp.p.File), " → "))
	}
	b := sp.r.Body(sp.p, sp.chain)
	if b.Released {
		// Written and released already: render it again for this page.
		b = sp.r.render(sp.p, sp.chain)
	}
	if b.Err != nil {
		return "", b.Err
	}
	if len(b.Diags) > 0 {
		return "", errors.New("content of " + sp.p.File + " has shortcode errors (reported there)")
	}
	return b.HTML, nil
}

// The methods below shadow layout.Page fields that the render pass writes
// (or that lead to pages whose fields it writes) with views that read
// only what is safe while pages render in parallel.

// TableOfContents is the page's TOC as HTML, from its rendered headings.
func (sp *scPage) TableOfContents() (template.HTML, error) {
	if sp.own != nil {
		if !sp.own.known {
			sp.own.wanted.Store(true)
			return "", nil
		}
		return sp.r.TOC(sp.p, sp.own.headings).HTML(), nil
	}
	if sp.inChain() {
		return "", fmt.Errorf("the table of contents of %s is not known while it renders", sp.p.File)
	}
	return sp.r.TOC(sp.p, sp.r.Body(sp.p, sp.chain).Result.Headings).HTML(), nil
}

// Parent is the page's section, nil for the home page.
func (sp *scPage) Parent() *scPage { return sp.wrap(sp.p.Parent) }

// Prev and Next are the pages before and after in reading order.
func (sp *scPage) Prev() *scPage { return sp.wrap(sp.p.Prev) }
func (sp *scPage) Next() *scPage { return sp.wrap(sp.p.Next) }

// Pages are a section's pages and subsections, in order, those its
// build options keep in it (content.Page.InSection).
func (sp *scPage) Pages() []*scPage {
	out := make([]*scPage, 0, len(sp.p.Children))
	for _, c := range sp.p.Children {
		if w := sp.wrap(c); w != nil && c.InSection() {
			out = append(out, w)
		}
	}
	return out
}

// RenderString renders markdown as Hugo's .Page.RenderString: inline (one
// paragraph's <p> dropped) unless the options map says display "block".
func (sp *scPage) RenderString(args ...any) (template.HTML, error) {
	if len(args) == 0 || len(args) > 2 {
		return "", fmt.Errorf("RenderString wants [OPTIONS] MARKDOWN, got %d arguments", len(args))
	}
	block := false
	if len(args) == 2 {
		if m, ok := args[0].(map[string]any); ok {
			block = fmt.Sprint(m["display"]) == "block"
		}
	}
	md := fmt.Sprint(args[len(args)-1])
	if h, ok := args[len(args)-1].(template.HTML); ok {
		md = string(h)
	}
	res, err := sp.r.opts.Markdown.Render([]byte(md))
	if err != nil {
		return "", err
	}
	out := strings.TrimSpace(string(res.HTML))
	if !block && strings.HasPrefix(out, "<p>") && strings.HasSuffix(out, "</p>") && strings.Count(out, "<p>") == 1 {
		out = out[3 : len(out)-4]
	}
	return template.HTML(out), nil
}

func (sp *scPage) inChain() bool {
	for _, c := range sp.chain {
		if c == sp.p {
			return true
		}
	}
	return false
}

// wrap returns the shortcode view of p, nil for nil or an unpublished page.
func (sp *scPage) wrap(p *content.Page) *scPage {
	v := sp.r.views[p]
	if p == nil || v == nil {
		return nil
	}
	return &scPage{Page: v, r: sp.r, p: p, chain: sp.chain}
}

// scSite is .Site in shortcode templates.
type scSite struct {
	*layout.Site
	r     *Renderer
	chain []*content.Page
}

// GetPage returns the page at a content path ("/docs/setup.md",
// "docs/setup", "/docs" for a section) or of a unique base name ("setup"),
// as content.Index.Ref finds it; nil when there is none, an error when the
// name is ambiguous. Hugo's old form .Site.GetPage "section" "docs" uses
// its last argument.
func (s *scSite) GetPage(args ...string) (*scPage, error) {
	if len(args) == 0 {
		return nil, nil
	}
	p, err := s.r.opts.Links.Index().Ref(nil, args[len(args)-1])
	if p == nil {
		var amb *content.AmbiguousError
		if errors.As(err, &amb) {
			return nil, err
		}
		return nil, nil
	}
	return s.r.page(p, s.chain), nil
}

// Home is the home page.
func (s *scSite) Home() *scPage {
	return (&scPage{r: s.r, chain: s.chain}).wrap(s.r.opts.Tree.Home)
}

// Pages are every page in reading order that the site-wide lists hold
// (content.Page.InSiteLists), as Hugo's .Site.Pages.
func (s *scSite) Pages() []*scPage {
	w := &scPage{r: s.r, chain: s.chain}
	out := make([]*scPage, 0, len(s.r.opts.Tree.Pages))
	for _, p := range s.r.opts.Tree.Pages {
		if !p.InSiteLists() {
			continue
		}
		out = append(out, w.wrap(p))
	}
	return out
}
