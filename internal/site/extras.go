package site

import (
	"bytes"

	"github.com/quire-docs/quire/internal/assets"
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/publish"
	"github.com/quire-docs/quire/internal/render"
	"github.com/quire-docs/quire/internal/sitemap"
)

// addStatic copies the non-markdown files of the content dir beside their
// pages (assets.Copy, minified by type when minification is on).
func (b *builder) addStatic(tree *content.Site, ds *diag.List) {
	files := make([]assets.Copied, len(tree.Static))
	for i, sf := range tree.Static {
		files[i] = assets.Copied{File: sf.File, OutPath: sf.OutPath}
	}
	for _, f := range assets.Copy(b.fsys, files, b.min, ds) {
		b.out.Add(publish.Real, f)
	}
}

// addAliases writes a redirect page for every alias of every page
// (layout.Aliases).
func (b *builder) addAliases(tree *content.Site, ds *diag.List) {
	files, warns := layout.Aliases(tree.Pages, b.site.Pages)
	*ds = append(*ds, warns...)
	for _, f := range files {
		b.out.Add(publish.Alias, f)
	}
}

// addExtras writes 404.html, sitemap.xml and robots.txt.
func (b *builder) addExtras(tree *content.Site, ds *diag.List) {
	var buf bytes.Buffer
	if _, err := b.tmpl.NotFoundFallback(&buf, b.site); err != nil {
		if !ds.Reported(err) {
			ds.AddError("layouts/404.html", err)
		}
	} else if data, err := b.minifyFile("404.html", buf.Bytes()); err != nil {
		ds.AddError("layouts/404.html", err)
	} else {
		b.out.Add(publish.Real, publish.File{Path: "404.html", Data: data, Source: "the 404 page"})
	}

	var memo *sitemap.Memo
	if b.opts.Cache != nil {
		memo = &b.opts.Cache.steps.sitemap
	}
	sm, err := sitemap.File(b.site.Pages, b.min, memo)
	ds.AddError("sitemap.xml", err)
	b.out.Add(publish.Real, publish.File{Path: "sitemap.xml", Data: sm, Source: "the sitemap"})

	robots := sitemap.Robots(render.AbsURL(b.cfg.BaseURL, b.render.Links().RelURL("/sitemap.xml")))
	// A robots.txt of the site's own (in content/ or assets/) replaces this one.
	b.out.Add(publish.Generated, publish.File{Path: "robots.txt", Data: robots, Source: sitemap.RobotsSource})
}
