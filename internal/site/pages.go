package site

import (
	"path"
	"strings"

	"github.com/quire-docs/quire/internal/assets"
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/render"
)

// layoutSite converts the content tree into the values templates see. It
// fills everything but Content and the TOC, which rendering adds.
func (b *builder) layoutSite(tree *content.Site, table map[string]assets.Asset) *layout.Site {
	s := &layout.Site{
		Title:        b.cfg.Title,
		BaseURL:      b.cfg.BaseURL,
		LanguageCode: b.cfg.LanguageCode,
		Params:       b.cfg.Params,
		Drafts:       b.opts.Drafts,
		Assets:       make(map[string]layout.Asset, len(table)),
		Data:         b.data,
	}
	for name, a := range table {
		s.Assets[name] = layout.Asset{RelPermalink: a.RelPermalink, Integrity: a.Integrity}
	}
	views := make(map[*content.Page]*layout.Page, len(tree.Pages))
	for _, p := range tree.Pages {
		views[p] = b.layoutPage(p, s)
	}
	for _, p := range tree.Pages {
		v := views[p]
		v.Parent = views[p.Parent]
		v.Prev = views[p.Prev]
		v.Next = views[p.Next]
		for _, c := range p.Children {
			if cv := views[c]; cv != nil {
				v.Pages = append(v.Pages, cv)
			}
		}
		s.Pages = append(s.Pages, v)
	}
	s.Home = views[tree.Home]
	return s
}

func (b *builder) layoutPage(p *content.Page, s *layout.Site) *layout.Page {
	rel := b.relURL(p.RelPermalink)
	params := p.Params
	if params == nil {
		params = map[string]any{}
	}
	return &layout.Page{
		Kind:         kindName(p.Kind),
		Title:        p.Title,
		LinkTitle:    p.LinkTitle,
		Description:  p.Description,
		Weight:       p.Weight,
		Draft:        p.Draft,
		Date:         p.Date,
		Lastmod:      p.Lastmod,
		Type:         pageType(p),
		Params:       params,
		RelPermalink: rel,
		Permalink:    render.AbsURL(b.cfg.BaseURL, rel),
		File:         p.File,
		Section:      section(p),
		EditURL:      editURL(s.Params, p),
		Site:         s,
	}
}

// editURL is [params] editURL followed by the page's source path
// ("content/docs/setup.md"), or "" when the key is unset or the page has
// no file of its own.
func editURL(params map[string]any, p *content.Page) string {
	base, _ := params["editURL"].(string)
	if base == "" || p.Virtual || p.File == "" {
		return ""
	}
	return base + p.File
}

// section is Hugo's .Section: the top-level directory a page is in under
// the content dir ("faq" for faq/a/b.md and faq/_index.md), "" for the
// home page and pages at the root.
func section(p *content.Page) string {
	dir := p.Dir()
	if p.Kind == content.KindPage {
		dir = path.Dir(p.Path)
	}
	dir = strings.Trim(dir, "/")
	if dir == "." {
		return ""
	}
	first, _, _ := strings.Cut(dir, "/")
	return first
}

func kindName(k content.Kind) string {
	switch k {
	case content.KindHome:
		return "home"
	case content.KindSection:
		return "section"
	}
	return "page"
}

// relURL prefixes a site-root path ("/faq/") with the path of baseURL.
func (b *builder) relURL(p string) string {
	return b.base + strings.TrimPrefix(p, "/")
}

// pageType is Hugo's .Type: the front matter type (inherited from the
// section), else the top-level section's name, else "page".
func pageType(p *content.Page) string {
	if p.Type != "" {
		return p.Type
	}
	if s := section(p); s != "" {
		return s
	}
	return "page"
}
