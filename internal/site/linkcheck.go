package site

import (
	"bytes"
	"unicode/utf8"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/linkcheck"
	"github.com/quire-docs/quire/internal/markdown"
	"github.com/quire-docs/quire/internal/publish"
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
	if b.lpages == nil {
		b.lpages = b.linkPages(tree)
	}
	pages := b.lpages
	opts := linkcheck.Options{BaseURL: b.cfg.BaseURL, Parsed: b.parsedByPath(tree)}
	if b.opts.Cache != nil {
		opts.Memo = b.opts.Cache.links
	}
	s.Links = linkcheck.Collect(b.ctx, files, pages, opts)
	b.reportLinks(s, ds)
}

// reportLinks checks s.Links's internal links and reports the broken
// ones as opts.Links says.
func (b *builder) reportLinks(s *Site, ds *diag.List) {
	if b.opts.Cache != nil {
		b.checked = s.Links // for a quick rebuild
	}
	s.BrokenLinks = s.Links.Broken(b.ctx)
	sev := diag.Error
	switch {
	case b.opts.Links == LinksQuiet:
		return
	case b.opts.Links == LinksWarn || b.cfg.LinkCheck.Internal == "warning":
		sev = diag.Warning
	}
	for _, d := range linkcheck.Diagnostics(s.BrokenLinks, sev) {
		ds.Add(d)
	}
}

// linkPages says where each page's HTML came from, for linkcheck.Collect.
func (b *builder) linkPages(tree *content.Site) []linkcheck.Page {
	pages := make([]linkcheck.Page, 0, len(tree.Pages)+1)
	var memo *mdLinksMemo
	if b.opts.Cache != nil {
		memo = &b.opts.Cache.steps.mdLinks
		defer memo.commit()
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
			lp.File, lp.Body, lp.BodyLine = p.File, p.Body, p.BodyLine
			if p.Body == nil {
				lp.LoadBody = func() []byte { return b.body(p) } // released
			}
			if b.linkPos != nil {
				lp.Links = b.linkPos[i]
			} else {
				lp.Links = memo.get(p, b.mdLinks[i])
			}
		}
		pages = append(pages, lp)
	}
	pages = append(pages, linkcheck.Page{Path: "404.html", Layouts: templates(b.tmpl.NotFoundSources())})
	return pages
}

// mdLinks converts a page's markdown links to file positions. Links come
// in document order, so one pass over the body finds every link's line
// (charCol's answer, without scanning from the start for each link).
func mdLinks(p *content.Page, links []markdown.Link) []linkcheck.MarkdownLink {
	out := make([]linkcheck.MarkdownLink, len(links))
	line, start := 1, 0 // a line of p.Body and the offset it starts at
	for i, l := range links {
		out[i] = linkcheck.MarkdownLink{Dest: l.Dest, URL: l.URL}
		if l.Pos.Line <= 0 {
			continue
		}
		if l.Pos.Line < line {
			line, start = 1, 0 // out of order: start over
		}
		for line < l.Pos.Line && start >= 0 {
			if nl := bytes.IndexByte(p.Body[start:], '\n'); nl >= 0 {
				start += nl + 1
			} else {
				start = -1 // past the last line
			}
			line++
		}
		out[i].Line = p.BodyLine + l.Pos.Line - 1
		out[i].Column = lineCol(p.Body, start, l.Pos.Col)
		if start < 0 {
			line, start = 1, 0
		}
	}
	return out
}

// lineCol is charCol of byte column col on the line of body starting at
// offset start (-1 for a line past the end).
func lineCol(body []byte, start, col int) int {
	if start < 0 || col < 1 || col-1 > len(body)-start {
		return col
	}
	seg := body[start : start+col-1]
	for _, c := range seg {
		if c >= utf8.RuneSelf {
			return utf8.RuneCount(seg) + 1
		}
	}
	return len(seg) + 1
}
