package site

import (
	"context"
	"sync"

	"github.com/quire-docs/quire/internal/bufpool"
	"github.com/quire-docs/quire/internal/par"

	"github.com/quire-docs/quire/internal/memo"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/linkcheck"
	"github.com/quire-docs/quire/internal/markdown"
	"github.com/quire-docs/quire/internal/outline"
	"github.com/quire-docs/quire/internal/publish"
	"github.com/quire-docs/quire/internal/render"
	"github.com/quire-docs/quire/internal/search"
	"github.com/quire-docs/quire/internal/toc"
)

// renderPages renders every page: markdown (each page writes only its own
// view), then templates, then minification and output. When no template
// reads another page's body (layout.Templates.OnlyOwnBodies, and the 404
// page reads none), each page goes through all of it in one go and its
// body is released as soon as its file is written, so memory does not
// grow with the site's HTML. Otherwise the pages take two parallel
// passes: markdown for all, then templates, which may read any page's
// view.
func (b *builder) renderPages(ctx context.Context, tree *content.Site, ds *diag.List) {
	r := newPageRun(len(tree.Pages), ds)
	if b.opts.Cache != nil {
		r.pageDiags = make([][]*diag.Diagnostic, len(tree.Pages))
		b.snap.pageDiags = r.pageDiags
	}
	switch {
	case b.opts.Links == LinksOff:
	case b.opts.Cache != nil:
		b.pages.mdLinks = make([][]markdown.Link, len(tree.Pages)) // positioned through the Cache's memo
	default:
		b.pages.linkPos = make([][]linkcheck.MarkdownLink, len(tree.Pages))
	}
	if b.opts.Cache != nil {
		b.pages.outlines = make([]outline.Outline, len(tree.Pages))
	} else {
		b.pages.entries = make([]search.Entry, len(tree.Pages))
	}
	b.pages.parsed = make([]*linkcheck.Parsed, len(tree.Pages))
	if b.cfg.LLMs.Enable {
		b.pages.twins = make([][]byte, len(tree.Pages))
	}
	if b.opts.Output != nil {
		b.pages.sent = publish.NewSent(len(tree.Pages))
	}
	if b.opts.Cache == nil && b.ownBodiesOnly() {
		par.Each(ctx, len(tree.Pages), func(i int) {
			b.markdownPage(tree, i, r)
			b.templatePage(tree, i, r, nil)
			releaseView(b.site.Pages[i])
			r.rendered[i] = b.render.Release(tree.Pages[i])
			b.pages.released.Add(1)
		})
		b.render.CheckAnchors(r.rendered, r.report)
	} else {
		par.Each(ctx, len(tree.Pages), func(i int) { b.markdownPage(tree, i, r) })
		b.render.CheckAnchors(r.rendered, r.report)
		var pm *layout.PageKeys
		if b.opts.Cache != nil && ds.Err() == nil && !b.tmpl.UsesResources() { // (making them publishes resources)
			pm = b.tmpl.PageKeys(ctx, &b.opts.Cache.seeds, b.site, r.viewKeys, b.min != nil, b.opts.Links != LinksOff)
			b.snap.memo = pm
		}
		par.Each(ctx, len(tree.Pages), func(i int) { b.templatePage(tree, i, r, pm) })
	}
	for i, f := range r.out {
		if f.Path != "" {
			b.out.Add(publish.Real, f)
		} else if tree.Pages[i].Writes() {
			b.pages.unwritten = append(b.pages.unwritten, i) // it failed
		}
	}
	*ds = append(*ds, tree.PageErrors(r.tmplErrs)...)
}

// newPageRun returns the state of passes over n pages that report into ds
// from every core.
func newPageRun(n int, ds *diag.List) *pageRun {
	var mu sync.Mutex
	return &pageRun{
		report: func(d *diag.Diagnostic) {
			mu.Lock()
			ds.Add(d)
			mu.Unlock()
		},
		reportErr: func(file string, err error) {
			mu.Lock()
			ds.AddError(file, err)
			mu.Unlock()
		},
		rendered: make([]*render.Body, n),
		viewKeys: make([]memo.Key, n),
		out:      make([]publish.File, n),
		tmplErrs: make([]error, n),
	}
}

// pageRun is what the passes of renderPages share; each page's slots are
// written by one goroutine only.
type pageRun struct {
	report    func(*diag.Diagnostic)
	reportErr func(file string, err error)
	rendered  []*render.Body // by page index, for the anchor check
	viewKeys  []memo.Key     // by page index: the view's body key, in a build with a Cache
	out       []publish.File // by page index; Data nil when sent to Options.Output
	tmplErrs  []error        // by page index
	// pageDiags, when not nil, collects each page's diagnostics of the
	// markdown pass (a build with a Cache keeps them, see quick.go).
	pageDiags [][]*diag.Diagnostic
}

// ownBodiesOnly reports whether every page's templates, and the 404
// page's, read no body but the page's own, so that pages can be rendered
// and released one at a time.
func (b *builder) ownBodiesOnly() bool {
	if !b.tmpl.OnlyOwnBodies() {
		return false
	}
	reads, _ := b.tmpl.NotFoundReadsBodies()
	return !reads
}

// markdownPage renders page i's body into its view: content, TOC,
// summary and structured data; it records its links and search index
// entries.
func (b *builder) markdownPage(tree *content.Site, i int, r *pageRun) {
	p, v := tree.Pages[i], b.site.Pages[i]
	body, ds := b.render.Page(p)
	r.rendered[i] = body
	for _, d := range ds {
		if r.pageDiags != nil {
			r.pageDiags[i] = append(r.pageDiags[i], d)
		}
		r.report(d)
	}
	if body.Err != nil {
		return
	}
	res := body.Result
	v.Content = body.HTML
	if b.pages.twins != nil {
		b.pages.twins[i] = b.twin(p, v, body.Markdown)
	}
	if b.pages.mdLinks != nil {
		b.pages.mdLinks[i] = res.Links
	}
	if b.pages.linkPos != nil && !p.Virtual {
		b.pages.linkPos[i] = render.LinkPositions(p, b.render.Source(p), res.Links) // while the body is at hand
	}
	d, viewKey := b.render.DeriveView(p, v, body)
	o := d.Outline
	r.viewKeys[i] = viewKey
	if b.pages.outlines != nil {
		b.pages.outlines[i] = o // the Cache's search memo compares sections
	} else {
		// Only the encoded entry is kept: a few bytes, not the sections.
		b.pages.entries[i] = b.searchEncoder().Encode(search.PageOf(v, o.Sections))
		if b.pages.sent != nil {
			if err := b.sendFragment(i); err != nil {
				r.reportErr(p.File, err)
			}
		}
	}
}

// releaseView drops the body fields of a page's view once it is written.
func releaseView(v *layout.Page) {
	v.Content, v.TableOfContents, v.TOC = "", "", &toc.TOC{}
}

// templatePage renders page i's view through its templates, minifies it
// and sends it to Options.Output when there is one. With a memo (a build
// with a Cache) a page whose key is unchanged since the last build takes
// its file from the cache instead.
func (b *builder) templatePage(tree *content.Site, i int, r *pageRun, pm *layout.PageKeys) {
	p, v := tree.Pages[i], b.site.Pages[i]
	if !p.Writes() {
		return // build render link or never: no file
	}
	var k memo.Key
	var kept *render.PageFile
	if pm != nil {
		k = pm.Key(i)
		kept = b.opts.Cache.pages.Get(k, b.opts.Links != LinksOff)
	}
	var data []byte
	if kept != nil {
		data = kept.Data
	} else {
		buf := bufpool.Get()
		fb, err := b.tmpl.PageFallback(buf, v)
		if err != nil {
			bufpool.Put(buf)
			r.tmplErrs[i] = err
			return
		}
		data, err = b.minifyFile(p.OutPath, buf.Bytes())
		if !bufpool.Shares(data, buf) {
			bufpool.Put(buf) // else data is buf's: not reused
		}
		if err != nil {
			r.reportErr(p.File, err)
			return
		}
		// A page built with the default theme in place of the site's
		// templates is not kept: its key follows what the site's
		// templates read, not what the theme's do.
		if pm != nil && fb == nil {
			kept = &render.PageFile{Data: data}
			if b.opts.Links != LinksOff {
				kept.Parsed = linkcheck.Parse(data)
			}
			b.opts.Cache.pages.Put(k, kept)
		}
	}
	if kept != nil && kept.Parsed != nil {
		b.pages.parsed[i] = kept.Parsed
	}
	f := publish.File{Path: p.OutPath, Data: data, Source: p.File}
	if b.opts.Output != nil {
		if err := b.send(i, f); err != nil {
			r.reportErr(p.File, err)
			return
		}
		f.Data = nil
	}
	r.out[i] = f
}

// minifyFile minifies data by path when minification is on.
func (b *builder) minifyFile(path string, data []byte) ([]byte, error) {
	if b.min == nil {
		return data, nil
	}
	return b.min.File(path, data)
}
