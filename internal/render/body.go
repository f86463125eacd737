package render

import (
	"errors"
	"html/template"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/markdown"
	"github.com/quire-docs/quire/internal/shortcode"
)

// Body returns page p's rendered body, rendering it on first use: it is
// rendered once per build whether the render pass or another page's
// .Site.GetPage asks first. chain is the pages whose rendering asked for
// this one (through .Site.GetPage ... .Content), to stop cycles.
func (r *Renderer) Body(p *content.Page, chain []*content.Page) *Body {
	r.mu.Lock()
	b, ok := r.done[p]
	r.mu.Unlock()
	if ok {
		return b
	}
	b = r.render(p, chain)
	r.mu.Lock()
	if prev, ok := r.done[p]; ok {
		b = prev // rendered meanwhile for another page: keep one result
	} else {
		r.done[p] = b
	}
	r.mu.Unlock()
	return b
}

// Release drops page p's HTML once the page is written (a build in which
// no template reads another page's body does it page by page, so memory
// does not grow with the site's HTML). It returns what the anchor check
// and a shortcode's .TableOfContents still need: the headings. A shortcode
// that asks for the page's .Content afterwards gets it rendered anew. The
// page's source is kept: only results are dropped.
func (r *Renderer) Release(p *content.Page) *Body {
	r.mu.Lock()
	defer r.mu.Unlock()
	b := r.done[p]
	if b == nil {
		return nil
	}
	kept := &Body{
		Result:   markdown.Result{Headings: b.Result.Headings},
		Diags:    b.Diags,
		Anchors:  b.Anchors,
		Err:      b.Err,
		Released: true,
	}
	r.done[p] = kept
	return kept
}

// render renders p's body, not memoised. One copy of the HTML is kept
// per page, as the string templates read: the rendering buffer (up to
// twice the size, with its slack) is freed.
func (r *Renderer) render(p *content.Page, chain []*content.Page) *Body {
	b := r.renderOnce(p, chain)
	b.HTML, b.Result.HTML = template.HTML(b.Result.HTML), nil
	if r.opts.Memo != nil && b.ID == (ID{}) {
		b.ID = r.opts.Memo.hash(string(b.HTML))
	}
	return b
}

// renderOnce is the one place a page body becomes HTML: its shortcodes
// are expanded (only when shortcode.Has says it has any), then markdown
// is rendered. Without shortcodes the markdown goes through
// Options.Memo when there is one. With them the result also depends on
// the shortcode templates and on other pages (ref and relref URLs,
// .Site.GetPage content), which no memo key covers, so those pages are
// rendered anew in every build; so are those where render hooks that
// read pages (hooksReadPages) ran. The render hooks run within one
// budget per body.
func (r *Renderer) renderOnce(p *content.Page, chain []*content.Page) *Body {
	b := &Body{}
	src := r.Source(p)
	resolve := func(dest string) (string, bool) { return r.opts.Links.Resolve(p, dest) }
	opts := markdown.RenderOptions{NormalizeHeadings: r.opts.Config.NormalizeHeadings}
	var exp *shortcode.Expansion
	defer func() {
		if b.Result.Hooked > 0 && r.hooksReadPages() {
			// Its hooks read pages: rendered anew in every build, as
			// a body with shortcodes.
			r.mu.Lock()
			r.scUsed[p] = true
			r.mu.Unlock()
		}
	}()
	hooks, stop := r.hookOptions(p, chain, func(line, col int) (int, int) {
		if exp == nil {
			return line, col
		}
		return exp.BodyPos(line, col)
	})
	defer stop()
	if shortcode.Has(src) {
		r.mu.Lock()
		r.scUsed[p] = true
		r.mu.Unlock()
		cur := append(chain[:len(chain):len(chain)], p)
		page := r.page(p, cur)
		page.own = &ownTOC{}
		env := shortcode.Env{
			File:  p.File,
			Path:  p.Path,
			Line:  p.BodyLine,
			Body:  src,
			HTML:  p.HTML,
			Page:  page,
			Site:  &scSite{Site: r.opts.Site, r: r, chain: cur},
			Ref:   func(ref string) (shortcode.Target, error) { return r.Ref(p, ref) },
			Param: func(key string) (any, bool) { return r.Param(p, key) },
		}
		exp, b.Diags = r.opts.Shortcodes.Expand(env)
		if page.own.wanted.Load() && !p.HTML {
			// A shortcode asked for the page's own TOC: the headings of
			// this first rendering give it to a second expansion.
			first, err := r.opts.Markdown.RenderPage(exp.Markdown, markdown.RenderOptions{Shortcodes: exp.HTML, Resolve: resolve, NormalizeHeadings: opts.NormalizeHeadings})
			if err == nil {
				page.own.known, page.own.headings = true, first.Headings
				exp, b.Diags = r.opts.Shortcodes.Expand(env)
			}
		}
		src, opts.Shortcodes, b.Anchors = exp.Markdown, exp.HTML, exp.Anchors
		opts.Resolve = resolve
	}
	if r.opts.KeepMarkdown && !p.HTML {
		b.Markdown = src // the page's source, which no one writes
		if exp != nil {
			b.Markdown = splice(exp.Markdown, exp.HTML)
		}
	}
	if p.HTML {
		// An HTML content file: its body, shortcodes expanded, is the content.
		b.Result.HTML = src
		if !r.opts.Config.Unsafe {
			b.Result.HTML = nil
			b.Result.RawHTML = []markdown.Pos{{Line: 1, Col: 1}}
		}
		return b
	}
	if exp == nil {
		if r.opts.Memo != nil {
			b.Result, b.ID, b.Err = r.opts.Memo.markdown(r, p, src, hooks)
			return b
		}
		b.Result, b.Err = r.opts.Markdown.RenderPage(src, markdown.RenderOptions{Resolve: resolve, Hooks: hooks, NormalizeHeadings: opts.NormalizeHeadings})
		return b
	}
	opts.Hooks = hooks
	b.Result, b.Err = r.opts.Markdown.RenderPage(src, opts)
	toBody(&b.Result, b.Err, exp)
	return b
}

// toBody moves the positions of a result rendered from exp's markdown to
// the page's own body.
func toBody(res *markdown.Result, err error, exp *shortcode.Expansion) {
	if ne := (*markdown.NestingError)(nil); errors.As(err, &ne) {
		ne.Pos.Line, ne.Pos.Col = exp.BodyPos(ne.Pos.Line, ne.Pos.Col)
	}
	if he := (*markdown.HookError)(nil); errors.As(err, &he) {
		he.Pos.Line, he.Pos.Col = exp.BodyPos(he.Pos.Line, he.Pos.Col)
	}
	for i, l := range res.Links {
		res.Links[i].Pos.Line, res.Links[i].Pos.Col = exp.BodyPos(l.Pos.Line, l.Pos.Col)
	}
	for i, pos := range res.RawHTML {
		res.RawHTML[i].Line, res.RawHTML[i].Col = exp.BodyPos(pos.Line, pos.Col)
	}
	for i, bl := range res.BadLangs {
		res.BadLangs[i].Pos.Line, res.BadLangs[i].Pos.Col = exp.BodyPos(bl.Pos.Line, bl.Pos.Col)
	}
	for i, w := range res.Warnings {
		res.Warnings[i].Pos.Line, res.Warnings[i].Pos.Col = exp.BodyPos(w.Pos.Line, w.Pos.Col)
	}
}
