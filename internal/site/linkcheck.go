package site

import (
	"context"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/diag"
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
func (b *builder) checkLinks(ctx context.Context, tree *content.Site, files []publish.File, s *Site, ds *diag.List) {
	if b.opts.Links == LinksOff {
		return
	}
	if b.pages.lpages == nil {
		b.pages.lpages = b.linkPages()
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
	s.Links = linkcheck.Collect(ctx, files, pages, opts)
	b.reportLinks(ctx, s, ds)
}

// reportLinks checks s.Links's internal links and reports the broken
// ones as opts.Links says.
func (b *builder) reportLinks(ctx context.Context, s *Site, ds *diag.List) {
	if b.opts.Cache != nil {
		b.snap.checked = s.Links // for a quick rebuild
	}
	s.BrokenLinks = s.Links.Broken(ctx)
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

// linkPages says where each page's HTML came from, for linkcheck.Collect
// (render.Renderer.LinkPages), with quire serve's memo of markdown link
// positions.
func (b *builder) linkPages() []linkcheck.Page {
	var memo *render.LinkMemo
	if b.opts.Cache != nil {
		memo = &b.opts.Cache.steps.mdLinks
		memo.Begin()
		defer memo.Commit()
	}
	return b.render.LinkPages(b.tmpl, b.pages.linkPos, b.pages.mdLinks, memo)
}

// withUnwritten returns files with a stand-in for each page whose render
// failed (it made no file, and its errors are reported): its headings'
// ids, so that links to the page and its sections are not reported as
// broken on top of its own errors. files is not changed.
func (b *builder) withUnwritten(tree *content.Site, files []publish.File) []publish.File {
	var standIns []publish.File
	for _, i := range b.pages.unwritten {
		p := tree.Pages[i]
		var ids []string
		for _, h := range b.render.Body(p, nil).Result.Headings {
			ids = append(ids, h.ID)
		}
		standIns = append(standIns, linkcheck.StandIn(p.OutPath, p.File, ids))
	}
	return linkcheck.WithStandIns(files, standIns)
}
