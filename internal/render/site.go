package render

import (
	"path"
	"strings"

	"github.com/quire-docs/quire/internal/assets"
	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/i18n"
	"github.com/quire-docs/quire/internal/layout"
)

// SiteOptions are what NewSite reads besides the content tree.
type SiteOptions struct {
	Config config.Config
	Drafts bool                    // the build shows drafts
	Assets map[string]assets.Asset // the processed assets, by name
	Data   map[string]any          // .Site.Data, from data/
	I18n   *i18n.Translator        // T's translations; nil: the theme's English
	// Resources returns the build's resources store; nil: none.
	Resources ResourceStore
	// Language and Languages are the language of the pages and every
	// language of a multilingual site; nil: a site of one language,
	// "en" (Hugo's default), with the config's languageCode.
	Language  *layout.Language
	Languages []*layout.Language
	// Translations are each page's versions in the other languages.
	Translations map[*content.Page][]*layout.Translation
}

// NewSite converts the content tree into the values templates see: one
// layout.Page per page of tree, in reading order, linked as the pages
// are; a section's Pages are the children its build options keep in it
// (content.Page.InSection). It fills everything but the body fields (Content, the TOC,
// Summary, JSON-LD), which rendering adds.
func NewSite(tree *content.Site, o SiteOptions) *layout.Site {
	table := o.Assets
	s := &layout.Site{
		Title:        o.Config.Title,
		BaseURL:      o.Config.BaseURL,
		LanguageCode: o.Config.LanguageCode,
		Params:       o.Config.Params,
		Drafts:       o.Drafts,
		Assets:       make(map[string]layout.Asset, len(table)),
		Data:         o.Data,
		I18n:         o.I18n,
	}
	if o.Resources != nil {
		s.Resources = siteResources(tree, o.Resources)
	}
	base := o.Config.BasePath()
	for name, a := range table {
		s.Assets[name] = layout.Asset{RelPermalink: a.RelPermalink, Integrity: a.Integrity}
	}
	s.Language, s.Languages = o.Language, o.Languages
	if s.Language == nil {
		s.Language = &layout.Language{Lang: "en", LanguageName: "en", LanguageCode: o.Config.LanguageCode,
			LanguageDirection: "ltr", RelPermalink: base, Default: true}
		s.Languages = []*layout.Language{s.Language}
	}
	views := make(map[*content.Page]*layout.Page, len(tree.Pages))
	for _, p := range tree.Pages {
		v := newPage(p, s, base)
		v.Lang, v.Language, v.Translations = s.Language.Lang, s.Language, o.Translations[p]
		views[p] = v
	}
	for _, p := range tree.Pages {
		v := views[p]
		v.Parent = views[p.Parent]
		v.Prev = views[p.Prev]
		v.Next = views[p.Next]
		for _, c := range p.Children {
			if cv := views[c]; cv != nil && c.InSection() {
				v.Pages = append(v.Pages, cv)
			}
		}
		s.Pages = append(s.Pages, v)
	}
	s.Home = views[tree.Home]
	return s
}

// CopySite returns a copy of s whose views are copies of s's, linked to
// each other as s's are: a quick rebuild writes the body fields of the
// views it renders into the copy, never into the last build's.
func CopySite(s *layout.Site) *layout.Site {
	c := *s
	views := make(map[*layout.Page]*layout.Page, len(s.Pages))
	c.Pages = make([]*layout.Page, len(s.Pages))
	for i, v := range s.Pages {
		cv := *v
		cv.Site = &c
		c.Pages[i], views[v] = &cv, &cv
	}
	for _, v := range c.Pages {
		v.Parent, v.Prev, v.Next = views[v.Parent], views[v.Prev], views[v.Next]
		if v.Pages != nil {
			pages := make([]*layout.Page, len(v.Pages))
			for i, p := range v.Pages {
				pages[i] = views[p]
			}
			v.Pages = pages
		}
	}
	c.Home = views[s.Home]
	return &c
}

// newPage is page p's view in s, for a site served under base. A page
// with build render never has no URL: RelPermalink and Permalink are "",
// as in Hugo.
func newPage(p *content.Page, s *layout.Site, base string) *layout.Page {
	rel := RelURL(base, p.RelPermalink)
	if !p.HasURL() {
		rel = ""
	}
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
		GitInfo:      p.GitInfo,
		Type:         pageType(p),
		Params:       params,
		RelPermalink: rel,
		Permalink:    AbsURL(s.BaseURL, rel),
		Unindexed:    !p.Indexed(),
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

// RelURL prefixes a site-root path ("/faq/") with base, the path of
// baseURL.
func RelURL(base, p string) string {
	return base + strings.TrimPrefix(p, "/")
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
