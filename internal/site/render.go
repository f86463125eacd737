package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/highlight"
	"github.com/quire-docs/quire/internal/linkcheck"
	"github.com/quire-docs/quire/internal/markdown"
	"github.com/quire-docs/quire/internal/outline"
	"github.com/quire-docs/quire/internal/publish"
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
func (b *builder) renderPages(tree *content.Site, ds *diag.List) {
	r := newPageRun(len(tree.Pages), ds)
	if b.opts.Cache != nil {
		r.pageDiags = make([][]*diag.Diagnostic, len(tree.Pages))
		b.pageDiags = r.pageDiags
	}
	switch {
	case b.opts.Links == LinksOff:
	case b.opts.Cache != nil:
		b.mdLinks = make([][]markdown.Link, len(tree.Pages)) // positioned through the Cache's memo
	default:
		b.linkPos = make([][]linkcheck.MarkdownLink, len(tree.Pages))
	}
	b.bodies = newBodies(tree, b.site.Pages)
	if b.opts.Cache != nil {
		b.outlines = make([]outline.Outline, len(tree.Pages))
	} else {
		b.entries = make([]search.Entry, len(tree.Pages))
	}
	b.parsed = make([]*linkcheck.Parsed, len(tree.Pages))
	if b.opts.Output != nil {
		b.sent.paths = make([]string, len(tree.Pages))
		if b.opts.Links != LinksOff {
			b.sent.parsed = make([]*linkcheck.Parsed, len(tree.Pages))
		}
	}
	if b.opts.Cache == nil && b.ownBodiesOnly() {
		each(b.ctx, len(tree.Pages), func(i int) {
			b.markdownPage(tree, i, r)
			b.templatePage(tree, i, r, nil)
			r.rendered[i] = b.bodies.release(tree.Pages[i], b.site.Pages[i])
			b.released.Add(1)
		})
		b.checkAnchors(r.rendered, r.report)
	} else {
		each(b.ctx, len(tree.Pages), func(i int) { b.markdownPage(tree, i, r) })
		b.checkAnchors(r.rendered, r.report)
		var memo *pageMemo
		if b.opts.Cache != nil && ds.Err() == nil {
			keys := make([]key, len(r.rendered))
			for i, body := range r.rendered {
				if body != nil {
					keys[i] = body.viewKey
				}
			}
			memo = b.newPageMemo(keys)
			b.memo = memo
		}
		each(b.ctx, len(tree.Pages), func(i int) { b.templatePage(tree, i, r, memo) })
	}
	for _, f := range r.out {
		if f.Path != "" {
			b.out.Add(publish.Real, f)
		}
	}
	templateErrors(tree, r.tmplErrs, ds)
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
		rendered: make([]*pageBody, n),
		out:      make([]publish.File, n),
		tmplErrs: make([]error, n),
	}
}

// pageRun is what the passes of renderPages share; each page's slots are
// written by one goroutine only.
type pageRun struct {
	report    func(*diag.Diagnostic)
	reportErr func(file string, err error)
	rendered  []*pageBody    // by page index, for checkAnchors
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
	body := b.renderBody(p, nil)
	r.rendered[i] = body
	report := r.report
	if r.pageDiags != nil {
		report = func(d *diag.Diagnostic) {
			r.pageDiags[i] = append(r.pageDiags[i], d)
			r.report(d)
		}
	}
	for _, d := range body.diags {
		report(d)
	}
	if body.err != nil {
		var ne *markdown.NestingError
		if errors.As(body.err, &ne) {
			report(diag.Errorf(p.File, p.BodyLine+ne.Pos.Line-1, charCol(p.Body, ne.Pos.Line, ne.Pos.Col), "%v", ne).
				WithHint("nest lists and block quotes less deeply"))
			return
		}
		r.reportErr(p.File, body.err)
		return
	}
	res := body.res
	v.Content = body.html
	if b.mdLinks != nil {
		b.mdLinks[i] = res.Links
	}
	if b.linkPos != nil && !p.Virtual {
		b.linkPos[i] = mdLinks(p, res.Links) // while the body is at hand
	}
	if len(res.RawHTML) > 0 {
		pos := res.RawHTML[0]
		report(diag.Warnf(p.File, p.BodyLine+pos.Line-1, charCol(p.Body, pos.Line, pos.Col),
			"raw HTML removed (%d place(s) on this page)", len(res.RawHTML)).
			WithHint("set unsafe = true under [markup.goldmark.renderer] in config.toml to keep it"))
	}
	for _, bl := range res.BadLangs {
		report(diag.Warnf(p.File, p.BodyLine+bl.Pos.Line-1, charCol(p.Body, bl.Pos.Line, bl.Pos.Col),
			"code block language %q is not a language name; rendered as plain code", bl.Lang).
			WithHint("a language is up to %d letters, digits and _ + # . - such as go or c++", highlight.MaxLanguageLen))
	}
	o, viewKey := b.derive(p, v, body)
	body.viewKey = viewKey
	if b.outlines != nil {
		b.outlines[i] = o // the Cache's search memo compares sections
	} else {
		// Only the encoded entry is kept: a few bytes, not the sections.
		b.entries[i] = b.searchEntry(v, o.Sections)
	}
}

// templatePage renders page i's view through its templates, minifies it
// and sends it to Options.Output when there is one. With a memo (a build
// with a Cache) a page whose key is unchanged since the last build takes
// its file from the cache instead.
func (b *builder) templatePage(tree *content.Site, i int, r *pageRun, memo *pageMemo) {
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
			r.tmplErrs[i] = err
			return
		}
		var err error
		data, err = b.minifyFile(p.OutPath, buf.Bytes())
		if err != nil {
			r.reportErr(p.File, err)
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
			r.reportErr(p.File, err)
			return
		}
		f.Data = nil
	}
	r.out[i] = f
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
