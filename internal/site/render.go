package site

import (
	"bytes"
	"context"
	"html/template"
	"runtime"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/diag"
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

	each(b.ctx, len(tree.Pages), func(i int) {
		p, v := tree.Pages[i], b.site.Pages[i]
		res, err := b.md.Render(p.Body)
		if err != nil {
			reportErr(p.File, err)
			return
		}
		v.Content = templateHTML(res.HTML)
		if len(res.RawHTML) > 0 {
			pos := res.RawHTML[0]
			report(diag.Warnf(p.File, p.BodyLine+pos.Line-1, pos.Col,
				"raw HTML removed (%d place(s) on this page)", len(res.RawHTML)).
				WithHint("set unsafe = true under [markup.goldmark.renderer] in config.toml to keep it"))
		}
		if t := b.pageTOC(p, res.Headings); t != nil {
			v.TOC = t
			v.TableOfContents = t.HTML()
		}
	})

	out := make([]publish.File, len(tree.Pages))
	each(b.ctx, len(tree.Pages), func(i int) {
		p, v := tree.Pages[i], b.site.Pages[i]
		var buf bytes.Buffer
		if err := b.tmpl.Page(&buf, v); err != nil {
			reportErr(p.File, err)
			return
		}
		data, err := b.minifyFile(p.OutPath, buf.Bytes())
		if err != nil {
			reportErr(p.File, err)
			return
		}
		out[i] = publish.File{Path: p.OutPath, Data: data, Source: p.File}
	})
	for _, f := range out {
		if f.Path != "" {
			b.files = append(b.files, f)
		}
	}
}

// pageTOC builds the page's TOC from its headings, the config levels and
// the page's own toc setting; nil when disabled or empty.
func (b *builder) pageTOC(p *content.Page, hs []toc.Heading) *toc.TOC {
	if p.TOC.Disabled {
		return nil
	}
	opts := toc.Options{StartLevel: b.cfg.TOC.StartLevel, EndLevel: b.cfg.TOC.EndLevel, Ordered: b.cfg.TOC.Ordered}
	if p.TOC.StartLevel != 0 {
		opts.StartLevel = p.TOC.StartLevel
	}
	if p.TOC.EndLevel != 0 {
		opts.EndLevel = p.TOC.EndLevel
	}
	t := toc.Build(hs, opts)
	if t == nil || len(t.Entries) == 0 {
		return nil
	}
	return t
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

// templateHTML marks rendered markdown as safe HTML for templates.
func templateHTML(b []byte) template.HTML { return template.HTML(b) }
