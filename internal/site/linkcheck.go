package site

import (
	"slices"
	"strings"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/linkcheck"
	"github.com/quire-docs/quire/internal/publish"
	"github.com/quire-docs/quire/internal/render"
)

// LinkMode says what Build does with broken internal links and anchors.
type LinkMode int

const (
	// LinksByConfig reports them as [linkcheck] internal says: errors
	// (the default, failing the build) or warnings.
	LinksByConfig LinkMode = iota
	// LinksWarn reports them as warnings whatever the config says
	// (quire serve).
	LinksWarn
	// LinksQuiet checks them into Site.Links and Site.BrokenLinks without
	// reporting them (quire linkcheck reports them itself).
	LinksQuiet
	// LinksOff skips collecting and checking links.
	LinksOff
)

// checkLinks parses the final HTML of files, checks internal links and
// anchors, and reports broken ones as opts.Links says.
func (b *builder) checkLinks(tree *content.Site, files []publish.File, s *Site, ds *diag.List) {
	if b.opts.Links == LinksOff {
		return
	}
	if b.pages.lpages == nil {
		b.pages.lpages = b.linkPages(tree)
	}
	pages := b.pages.lpages
	elsewhere := tree.LinkOnly()
	if b.opts.Language != nil {
		elsewhere = append(elsewhere, b.opts.Language.Elsewhere...)
	}
	opts := linkcheck.Options{BaseURL: b.cfg.BaseURL, Parsed: b.parsedByPath(tree), Elsewhere: elsewhere,
		Unpublished: tree.Unpublished()}
	if b.opts.Cache != nil && ds.Err() == nil {
		opts.Memo = b.opts.Cache.links // a failed build's check is not kept
	}
	s.Links = linkcheck.Collect(b.ctx, files, pages, opts)
	b.reportLinks(s, ds)
}

// reportLinks checks s.Links's internal links and reports the broken
// ones as opts.Links says.
func (b *builder) reportLinks(s *Site, ds *diag.List) {
	if b.opts.Cache != nil {
		b.snap.checked = s.Links // for a quick rebuild
	}
	s.BrokenLinks = s.Links.Broken(b.ctx)
	sev := diag.Error
	switch {
	case b.opts.Links == LinksQuiet:
		return
	case b.opts.Links == LinksWarn || b.cfg.LinkCheck.Internal == "warning":
		sev = diag.Warning
	}
	// A line with an error already (a ref's anchor, a page that did not
	// render) has its one problem reported once.
	// Ignore comments in the markdown hold here too (quire linkcheck,
	// which checks every link, reports those that ignore nothing).
	ds.AddOnFreeLines(linkcheck.Diagnostics(s.Links.Ignores().Apply(s.BrokenLinks), sev))
}

// linkPages says where each page's HTML came from, for linkcheck.Collect.
func (b *builder) linkPages(tree *content.Site) []linkcheck.Page {
	pages := make([]linkcheck.Page, 0, len(tree.Pages)+1)
	var memo *render.LinkMemo
	if b.opts.Cache != nil {
		memo = &b.opts.Cache.steps.mdLinks
		memo.Begin()
		defer memo.Commit()
	}
	tpls := map[string][]linkcheck.Template{} // by main template file
	templates := func(srcs []layout.Source) []linkcheck.Template {
		if len(srcs) == 0 {
			return nil
		}
		if t, ok := tpls[srcs[0].File]; ok {
			return t
		}
		t := make([]linkcheck.Template, len(srcs))
		for i, src := range srcs {
			t[i] = linkcheck.Template{File: src.File, Text: src.Text}
		}
		tpls[srcs[0].File] = t
		return t
	}
	for i, p := range tree.Pages {
		lp := linkcheck.Page{Path: p.OutPath, Layouts: templates(b.tmpl.Sources(b.site.Pages[i]))}
		if !p.Virtual {
			src := b.render.Source(p)
			lp.File, lp.Body, lp.BodyLine = p.File, src, p.BodyLine
			if b.pages.linkPos != nil {
				lp.Links = b.pages.linkPos[i]
			} else {
				lp.Links = memo.Get(p, src, b.pages.mdLinks[i])
			}
		}
		pages = append(pages, lp)
	}
	pages = append(pages, linkcheck.Page{Path: "404.html", Layouts: templates(b.tmpl.NotFoundSources())})
	return pages
}

// withUnwritten returns files with a stand-in for each page whose render
// failed (it made no file, and its errors are reported): its headings'
// ids, so that links to the page and its sections are not reported as
// broken on top of its own errors. files is not changed.
func (b *builder) withUnwritten(tree *content.Site, files []publish.File) []publish.File {
	if len(b.pages.unwritten) == 0 {
		return files
	}
	out := slices.Clone(files)
	for _, i := range b.pages.unwritten {
		p := tree.Pages[i]
		if _, taken := slices.BinarySearchFunc(files, p.OutPath, func(f publish.File, path string) int { return strings.Compare(f.Path, path) }); taken {
			continue // another file is there: a collision, reported
		}
		var ids []string
		for _, h := range b.render.Body(p, nil).Result.Headings {
			ids = append(ids, h.ID)
		}
		out = append(out, linkcheck.StandIn(p.OutPath, p.File, ids))
	}
	slices.SortFunc(out, func(x, y publish.File) int { return strings.Compare(x.Path, y.Path) })
	return out
}
