package site

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/quire-docs/quire/internal/budget"
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/funcs"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/markdown"
	"github.com/quire-docs/quire/internal/shortcode"
	"github.com/quire-docs/quire/internal/toc"
)

// loadShortcodes parses the site's shortcode templates
// (layouts/shortcodes) over the built-ins.
func (b *builder) loadShortcodes() error {
	dir := path.Join(b.cfg.LayoutDir, "shortcodes")
	var err error
	fm := layout.Funcs(b.cfg.BaseURL)
	// readFile and fileExists read the site's files. Only shortcodes have
	// them: pages with shortcodes are rendered anew in every build, while a
	// layout's output is memoised by keys that do not cover such reads.
	site := funcs.New(funcs.Options{BaseURL: b.cfg.BaseURL, Files: b.fsys})
	for _, name := range []string{"os", "readFile", "fileExists"} {
		fm[name] = site[name]
	}
	fm["site"] = func() *siteInfo { return newSiteInfo(b.site) }
	b.sc, err = shortcode.New(shortcode.Options{
		Dir:     subdir(b.fsys, dir),
		DirName: dir,
		Funcs:   fm,
		Markdownify: func(s string) (template.HTML, error) {
			res, err := b.md.Render([]byte(s))
			return template.HTML(res.HTML), err
		},
		Limits: b.limits(),
	})
	return err
}

// limits bound one page's shortcodes, and its templates, each: config
// timeout and maxPageBytes.
func (b *builder) limits() budget.Limits {
	return budget.Limits{MaxBytes: b.cfg.Render.MaxPageBytes, Timeout: b.cfg.Render.Timeout}
}

// pageBody is one page's rendered body, positions in the markdown result
// pointing into the page's own body.
type pageBody struct {
	res     markdown.Result    // res.HTML is nil: html holds it
	html    template.HTML      // the rendered body, the one copy kept
	diags   []*diag.Diagnostic // shortcode errors
	anchors []shortcode.Anchor // ref/relref anchors to check
	err     error              // the markdown stage failed
	// key identifies html in a build with a Cache: the markdown cache
	// entry's id, or a hash of html for a body rendered outside it.
	key key
	// viewKey is bodyHash of the page's view once derive filled it.
	viewKey key
	// released: the page was written and its HTML dropped (bodies.release);
	// res holds only its headings and html is empty.
	released bool
}

// bodies memoises pageBody per page within one build: a page's content
// is rendered once whether the render pass or another page's
// .Site.GetPage asks first.
type bodies struct {
	mu    sync.Mutex
	done  map[*content.Page]*pageBody
	views map[*content.Page]*layout.Page
	home  *content.Page
	order []*content.Page // reading order
}

func newBodies(tree *content.Site, views []*layout.Page) *bodies {
	bs := &bodies{
		done:  make(map[*content.Page]*pageBody, len(tree.Pages)),
		views: make(map[*content.Page]*layout.Page, len(tree.Pages)),
		home:  tree.Home,
		order: tree.Pages,
	}
	for i, p := range tree.Pages {
		bs.views[p] = views[i]
	}
	return bs
}

// release drops page p's HTML, and the body fields of its view v, once
// the page is written: renderPages does it when no template reads another
// page's body. It returns what checkAnchors and a shortcode's
// .TableOfContents still need (the headings); a shortcode that asks for
// the page's .Content afterwards gets it rendered anew (scPage.Content).
func (bs *bodies) release(p *content.Page, v *layout.Page) *pageBody {
	v.Content, v.TableOfContents, v.TOC = "", "", &toc.TOC{}
	bs.mu.Lock()
	defer bs.mu.Unlock()
	if !p.Virtual {
		p.Body = nil // read again from the file if ever needed (body)
	}
	r := bs.done[p]
	if r == nil {
		return nil
	}
	kept := &pageBody{
		res:      markdown.Result{Headings: r.res.Headings},
		diags:    r.diags,
		anchors:  r.anchors,
		err:      r.err,
		released: true,
	}
	bs.done[p] = kept
	return kept
}

// body returns p's markdown body; once release dropped it, it reads it
// again from p's file (a shortcode includes a page written already, or the
// link check traces a link in it). Other pages' goroutines call it, so
// p.Body is read under the lock release writes it under.
func (b *builder) body(p *content.Page) []byte {
	b.bodies.mu.Lock()
	src := p.Body
	b.bodies.mu.Unlock()
	if src != nil || p.Virtual {
		return src
	}
	data, err := fs.ReadFile(b.fsys, path.Clean(p.File))
	if err != nil {
		return nil
	}
	q, _, err := content.ParsePage(p.File, data)
	if err != nil || q == nil {
		return nil
	}
	return q.Body
}

// renderBody is the one place a page body becomes HTML: its shortcodes
// are expanded (only when shortcode.Has says it has any), then markdown is
// rendered. chain is the pages whose rendering asked for this one
// (through .Site.GetPage ... .Content), to stop cycles.
//
// Without shortcodes the markdown goes through Options.Cache
// (renderMarkdown). With them the result also depends on the shortcode
// templates and on other pages (ref and relref URLs, .Site.GetPage
// content), which the cache key does not cover, so those pages are
// rendered anew in every build.
func (b *builder) renderBody(p *content.Page, chain []*content.Page) *pageBody {
	b.bodies.mu.Lock()
	r, ok := b.bodies.done[p]
	b.bodies.mu.Unlock()
	if ok {
		return r
	}
	r = b.renderHTML(p, chain)
	b.bodies.mu.Lock()
	if prev, ok := b.bodies.done[p]; ok {
		r = prev // rendered meanwhile for another page: keep one result
	} else {
		b.bodies.done[p] = r
	}
	b.bodies.mu.Unlock()
	return r
}

// renderHTML renders p's body with renderBodyOnce, not memoised.
func (b *builder) renderHTML(p *content.Page, chain []*content.Page) *pageBody {
	r := b.renderBodyOnce(p, chain)
	// One copy of the HTML per page, as the string templates read: the
	// rendering buffer (up to twice the size, with its slack) is freed.
	r.html, r.res.HTML = template.HTML(r.res.HTML), nil
	if c := b.opts.Cache; c != nil && r.key == (key{}) {
		h := c.seeds.hasher()
		h.str(string(r.html))
		r.key = h.sum()
	}
	return r
}

func (b *builder) renderBodyOnce(p *content.Page, chain []*content.Page) *pageBody {
	r := &pageBody{}
	src := b.body(p)
	var opts markdown.RenderOptions
	var exp *shortcode.Expansion
	if shortcode.Has(src) {
		b.scMu.Lock()
		if b.scPages == nil {
			b.scPages = map[*content.Page]bool{}
		}
		b.scPages[p] = true
		b.scMu.Unlock()
		cur := append(chain[:len(chain):len(chain)], p)
		exp, r.diags = b.sc.Expand(shortcode.Env{
			File:  p.File,
			Line:  p.BodyLine,
			Body:  src,
			HTML:  p.HTML,
			Page:  &scPage{Page: b.bodies.views[p], b: b, p: p, chain: cur},
			Site:  &scSite{Site: b.site, b: b, chain: cur},
			Ref:   func(ref string) (shortcode.Target, error) { return b.ref(p, ref) },
			Param: func(key string) (any, bool) { return b.param(p, key) },
		})
		src, opts.Shortcodes, r.anchors = exp.Markdown, exp.HTML, exp.Anchors
		opts.Resolve = func(dest string) (string, bool) { return b.links.resolve(p, dest) }
	}
	if p.HTML {
		// An HTML content file: its body, shortcodes expanded, is the content.
		r.res.HTML = src
		if !b.cfg.Unsafe {
			r.res.HTML = nil
			r.res.RawHTML = []markdown.Pos{{Line: 1, Col: 1}}
		}
		return r
	}
	if exp == nil && b.opts.Cache == nil {
		r.res, r.err = b.md.RenderPage(src, markdown.RenderOptions{
			Resolve: func(dest string) (string, bool) { return b.links.resolve(p, dest) },
		})
		return r
	}
	if exp == nil {
		r.res, r.key, r.err = b.renderMarkdown(p) // through the serve cache
		return r
	}
	r.res, r.err = b.md.RenderPage(src, opts)
	if ne := (*markdown.NestingError)(nil); errors.As(r.err, &ne) {
		ne.Pos.Line, ne.Pos.Col = exp.BodyPos(ne.Pos.Line, ne.Pos.Col)
	}
	for i, l := range r.res.Links {
		r.res.Links[i].Pos.Line, r.res.Links[i].Pos.Col = exp.BodyPos(l.Pos.Line, l.Pos.Col)
	}
	for i, pos := range r.res.RawHTML {
		r.res.RawHTML[i].Line, r.res.RawHTML[i].Col = exp.BodyPos(pos.Line, pos.Col)
	}
	for i, bl := range r.res.BadLangs {
		r.res.BadLangs[i].Pos.Line, r.res.BadLangs[i].Pos.Col = exp.BodyPos(bl.Pos.Line, bl.Pos.Col)
	}
	return r
}

// checkAnchors reports each ref or relref to a #anchor that is not a
// heading id of its page. Every page's body must have been rendered.
func (b *builder) checkAnchors(rendered []*pageBody, report func(*diag.Diagnostic)) {
	ids := map[*content.Page]map[string]bool{}
	for _, r := range rendered {
		if r == nil {
			continue
		}
		for _, a := range r.anchors {
			p, _ := a.Page.(*content.Page)
			if p == nil {
				continue
			}
			set, ok := ids[p]
			if !ok {
				set = map[string]bool{}
				if pb := b.renderBody(p, nil); pb != nil {
					for _, h := range pb.res.Headings {
						set[h.ID] = true
					}
				}
				ids[p] = set
			}
			if !set[a.ID] {
				report(a.Err)
			}
		}
	}
}

// findPage resolves a content path as Hugo's ref and GetPage do (see
// content.Index.Ref).
func (b *builder) findPage(from *content.Page, ref string) (*content.Page, bool) {
	return b.links.ix.Ref(from, ref)
}

// ref is the ref/relref resolver of page p.
func (b *builder) ref(p *content.Page, ref string) (shortcode.Target, error) {
	target := p
	if ref != "" {
		var ok bool
		if target, ok = b.findPage(p, ref); !ok {
			where := "the content directory"
			if dir := path.Dir(p.Path); dir != "." && !strings.HasPrefix(ref, "/") {
				where = dir + "/ or the content directory"
			}
			return shortcode.Target{}, fmt.Errorf("no page %q in %s (draft pages are left out unless built with --drafts)", ref, where)
		}
	}
	rel := b.relURL(target.RelPermalink)
	return shortcode.Target{RelPermalink: rel, Permalink: b.absURL(rel), Page: target}, nil
}

// param looks key up in p's front matter, then in the site's params; a
// dotted key walks into tables.
func (b *builder) param(p *content.Page, key string) (any, bool) {
	key = strings.ToLower(key)
	if v, ok := lookupParam(p.Params, key); ok {
		return v, true
	}
	return lookupParam(b.cfg.Params, key)
}

func lookupParam(m map[string]any, key string) (any, bool) {
	var cur any = m
	for _, k := range strings.Split(key, ".") {
		mm, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		v, ok := foldLookup(mm, k)
		if !ok {
			return nil, false
		}
		cur = v
	}
	return cur, true
}

// foldLookup returns m[k], else the value of the key equal to k under
// case folding; when several keys differ from k only in case, the least of
// them wins, so the result does not depend on map order.
func foldLookup(m map[string]any, k string) (any, bool) {
	if v, ok := m[k]; ok {
		return v, true
	}
	best, found := "", false
	for name := range m {
		if strings.EqualFold(name, k) && (!found || name < best) {
			best, found = name, true
		}
	}
	if !found {
		return nil, false
	}
	return m[best], true
}

// siteInfo is Hugo's site in shortcode templates: the site's settings and
// data. Its pages are left out: a shortcode reaches them through .Site,
// which renders a body it reads first and catches a page that includes
// itself.
type siteInfo struct {
	Title        string
	BaseURL      string
	LanguageCode string
	Params       map[string]any
	Data         map[string]any
}

func newSiteInfo(s *layout.Site) *siteInfo {
	if s == nil { // before the pages are made: no shortcode runs then
		return &siteInfo{}
	}
	return &siteInfo{Title: s.Title, BaseURL: s.BaseURL, LanguageCode: s.LanguageCode, Params: s.Params, Data: s.Data}
}
