package multilingual

import (
	"path"
	"strings"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/render"
)

// translate gives every language's build its view of the languages and
// its pages' translations: the pages of other languages with the same
// translationKey in front matter, else the same kind and path in the
// content dir (docs/guide.md, docs/guide.de.md and docs/guide/index.md
// are one page), as Hugo matches them.
func translate(cfg config.Config, builds []*language) {
	views := make([]*layout.Language, len(builds))
	for i, lb := range builds {
		lc := cfg.ForLanguage(lb.lang)
		views[i] = &layout.Language{Lang: lb.lang.Code, LanguageName: lb.lang.Name, LanguageCode: lc.LanguageCode,
			LanguageDirection: lb.lang.Direction, Weight: lb.lang.Weight, RelPermalink: lc.BasePath(), Default: lb.lang.Default}
	}
	type version struct {
		lang int
		page *content.Page
	}
	byKey := map[string][]version{}
	var keys []string // in order of first sight, for determinism
	for i, lb := range builds {
		lb.View, lb.Views = views[i], views
		lb.Translations = map[*content.Page][]*layout.Translation{}
		if lb.Tree == nil {
			continue
		}
		for _, p := range lb.Tree.Pages {
			if !p.HasURL() {
				continue
			}
			k := translationKey(p)
			vs := byKey[k]
			if len(vs) > 0 && vs[len(vs)-1].lang == i {
				continue // two pages of one language share the key: the first is the one
			}
			if vs == nil {
				keys = append(keys, k)
			}
			byKey[k] = append(vs, version{i, p})
		}
	}
	for _, k := range keys {
		vs := byKey[k]
		for _, v := range vs {
			for _, o := range vs {
				if o.lang == v.lang {
					continue
				}
				lc := cfg.ForLanguage(builds[o.lang].lang)
				rel := render.RelURL(lc.BasePath(), o.page.RelPermalink)
				t := &layout.Translation{Lang: views[o.lang].Lang, Language: views[o.lang], Title: o.page.Title,
					LinkTitle: o.page.LinkTitle, RelPermalink: rel, Permalink: render.AbsURL(lc.BaseURL, rel)}
				tr := builds[v.lang].Translations
				tr[v.page] = append(tr[v.page], t)
			}
		}
	}
}

// translationKey is what a page's versions in every language share.
func translationKey(p *content.Page) string {
	if k, ok := p.Params["translationkey"].(string); ok && k != "" {
		return "key:" + k
	}
	kind := "page:"
	if p.Kind != content.KindPage {
		kind = "section:"
	}
	rel := strings.TrimSuffix(p.Path, "/")
	rel = strings.TrimSuffix(rel, path.Ext(rel))
	switch base := path.Base(rel); {
	case base == "_index" || base == "index":
		rel = path.Dir(rel)
	}
	if rel == "." {
		rel = ""
	}
	return kind + rel
}
