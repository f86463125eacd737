package site

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"sync"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/linkcheck"
	"github.com/quire-docs/quire/internal/markdown"
	"github.com/quire-docs/quire/internal/outline"
	"github.com/quire-docs/quire/internal/publish"
	"github.com/quire-docs/quire/internal/toc"
)

// renderPages renders every page in two parallel passes: markdown first
// (each page writes only its own view), then templates (which may read any
// page's view, so they wait for the first pass to finish).
func (b *builder) renderPages(tree *content.Site, ds *diag.List) {
	var mu sync.Mutex
	report := func(d *diag.Diagnostic) {
		mu.Lock()
		ds.Add(d)
		mu.Unlock()
	}
	reportErr := func(file string, err error) {
		mu.Lock()
		ds.AddError(file, err)
		mu.Unlock()
	}

	b.mdLinks = make([][]markdown.Link, len(tree.Pages))
	b.bodies = newBodies(tree, b.site.Pages)
	rendered := make([]*pageBody, len(tree.Pages))
	b.outlines = make([]outline.Outline, len(tree.Pages))
	each(b.ctx, len(tree.Pages), func(i int) {
		p, v := tree.Pages[i], b.site.Pages[i]
		body := b.renderBody(p, nil)
		rendered[i] = body
		for _, d := range body.diags {
			report(d)
		}
		if body.err != nil {
			reportErr(p.File, body.err)
			return
		}
		res := body.res
		v.Content = body.html
		b.mdLinks[i] = res.Links
		if len(res.RawHTML) > 0 {
			pos := res.RawHTML[0]
			report(diag.Warnf(p.File, p.BodyLine+pos.Line-1, charCol(p.Body, pos.Line, pos.Col),
				"raw HTML removed (%d place(s) on this page)", len(res.RawHTML)).
				WithHint("set unsafe = true under [markup.goldmark.renderer] in config.toml to keep it"))
		}
		v.TOC = b.pageTOC(p, res.Headings)
		v.TableOfContents = v.TOC.HTML()
		b.outlines[i] = b.pageOutline(v, body)
	})
	b.checkAnchors(rendered, report)
	var memo *pageMemo
	if b.opts.Cache != nil && ds.Err() == nil {
		keys := make([]key, len(rendered))
		for i, r := range rendered {
			keys[i] = r.key
		}
		memo = b.newPageMemo(keys)
	}

	out := make([]publish.File, len(tree.Pages))
	tmplErrs := make([]error, len(tree.Pages))
	b.parsed = make([]*linkcheck.Parsed, len(tree.Pages))
	if b.opts.Output != nil {
		b.sent.paths = make([]string, len(tree.Pages))
		if b.opts.Links != LinksOff {
			b.sent.parsed = make([]*linkcheck.Parsed, len(tree.Pages))
		}
	}
	each(b.ctx, len(tree.Pages), func(i int) {
		p, v := tree.Pages[i], b.site.Pages[i]
		var k key
		var kept *pageOut
		if memo != nil {
			k = memo.key(i)
			kept = b.opts.Cache.page(k, b.opts.Links != LinksOff)
		}
		var data []byte
		if kept != nil {
			data = kept.data
		} else {
			var buf bytes.Buffer
			if err := b.tmpl.Page(&buf, v); err != nil {
				tmplErrs[i] = err
				return
			}
			var err error
			data, err = b.minifyFile(p.OutPath, buf.Bytes())
			if err != nil {
				reportErr(p.File, err)
				return
			}
			if memo != nil {
				kept = &pageOut{data: data}
				if b.opts.Links != LinksOff {
					kept.parsed = linkcheck.Parse(data)
				}
				b.opts.Cache.putPage(k, kept)
			}
		}
		if kept != nil && kept.parsed != nil {
			b.parsed[i] = kept.parsed
		}
		f := publish.File{Path: p.OutPath, Data: data, Source: p.File}
		if b.opts.Output != nil {
			if err := b.send(i, f); err != nil {
				reportErr(p.File, err)
				return
			}
			f.Data = nil
		}
		out[i] = f
	})
	for _, f := range out {
		if f.Path != "" {
			b.add(real, f)
		}
	}
	templateErrors(tree, tmplErrs, ds)
}

// templateErrors reports template errors once per distinct error, naming
// the first page it happened on and how many others: a broken partial
// would otherwise print the same line for every page of the site.
func templateErrors(tree *content.Site, errs []error, ds *diag.List) {
	type group struct {
		first *diag.Diagnostic
		page  string
		more  int
	}
	var order []string
	groups := map[string]*group{}
	for i, err := range errs {
		if err == nil {
			continue
		}
		var l diag.List
		l.AddError(tree.Pages[i].File, err)
		for _, d := range l {
			key := d.Error()
			if g, ok := groups[key]; ok {
				g.more++
				continue
			}
			c := *d
			groups[key] = &group{first: &c, page: pageName(tree.Pages[i])}
			order = append(order, key)
		}
	}
	for _, key := range order {
		g := groups[key]
		switch {
		case g.first.File == g.page:
			// The error already names the page.
		case g.more == 0:
			g.first.Msg += fmt.Sprintf(" (rendering %s)", g.page)
		default:
			g.first.Msg += fmt.Sprintf(" (rendering %s and %d other pages)", g.page, g.more)
		}
		ds.Add(g.first)
	}
}

// pageTOC builds the page's TOC from its headings, the config levels and
// the page's own toc setting. It is never nil, so templates can range over
// .TOC.Entries; it is empty when disabled or when no heading is in range.
func (b *builder) pageTOC(p *content.Page, hs []toc.Heading) *toc.TOC {
	if p.TOC.Disabled {
		return &toc.TOC{}
	}
	opts := toc.Options{StartLevel: b.cfg.TOC.StartLevel, EndLevel: b.cfg.TOC.EndLevel, Ordered: b.cfg.TOC.Ordered}
	if p.TOC.StartLevel != 0 {
		opts.StartLevel = p.TOC.StartLevel
	}
	if p.TOC.EndLevel != 0 {
		opts.EndLevel = p.TOC.EndLevel
	}
	if t := toc.Build(hs, opts); t != nil {
		return t
	}
	return &toc.TOC{}
}

// minifyFile minifies data by path when minification is on.
func (b *builder) minifyFile(path string, data []byte) ([]byte, error) {
	if b.min == nil {
		return data, nil
	}
	return b.min.File(path, data)
}

// each calls fn(0..n-1) on all cores and waits; it stops starting new calls
// when ctx is done.
func each(ctx context.Context, n int, fn func(i int)) {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := 0; i < n; i++ {
		if ctx.Err() != nil {
			break
		}
		g.Go(func() error { fn(i); return nil })
	}
	_ = g.Wait()
}

// pageName names a page in messages: its file, or its URL when it has none.
func pageName(p *content.Page) string {
	if p.Virtual {
		return p.RelPermalink
	}
	return p.File
}

// charCol converts a 1-based byte column on 1-based line of body into the
// character column diagnostics use (as an editor shows it).
func charCol(body []byte, line, col int) int {
	for i := 1; i < line; i++ {
		nl := bytes.IndexByte(body, '\n')
		if nl < 0 {
			return col
		}
		body = body[nl+1:]
	}
	if col-1 > len(body) {
		return col
	}
	return utf8.RuneCount(body[:col-1]) + 1
}
