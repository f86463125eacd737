package render

import (
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/shortcode"
)

// Ref is the ref/relref resolver of page p: the page ref names (see
// content.Index.Ref), p itself for "".
func (r *Renderer) Ref(p *content.Page, ref string) (shortcode.Target, error) {
	target := p
	if ref != "" {
		var ok bool
		if target, ok = r.opts.Links.Index().Ref(p, ref); !ok {
			where := "the content directory"
			if dir := path.Dir(p.Path); dir != "." && !strings.HasPrefix(ref, "/") {
				where = dir + "/ or the content directory"
			}
			return shortcode.Target{}, fmt.Errorf("no page %q in %s (draft pages are left out unless built with --drafts)", ref, where)
		}
	}
	rel := r.opts.Links.RelURL(target.RelPermalink)
	return shortcode.Target{RelPermalink: rel, Permalink: AbsURL(r.opts.Config.BaseURL, rel), Page: target}, nil
}

// AbsURL makes a root-relative URL absolute when baseURL has a host.
func AbsURL(baseURL, rel string) string {
	u, err := url.Parse(baseURL)
	if err != nil || u.Host == "" {
		return rel
	}
	return u.Scheme + "://" + u.Host + rel
}

// Param looks key up in p's front matter, then in the site's params; a
// dotted key walks into tables.
func (r *Renderer) Param(p *content.Page, key string) (any, bool) {
	key = strings.ToLower(key)
	if v, ok := lookupParam(p.Params, key); ok {
		return v, true
	}
	return lookupParam(r.opts.Config.Params, key)
}

func lookupParam(m map[string]any, key string) (any, bool) {
	var cur any = m
	for _, k := range strings.Split(key, ".") {
		mm, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		v, ok := foldLookup(mm, k)
		if !ok {
			return nil, false
		}
		cur = v
	}
	return cur, true
}

// foldLookup returns m[k], else the value of the key equal to k under
// case folding; when several keys differ from k only in case, the least of
// them wins, so the result does not depend on map order.
func foldLookup(m map[string]any, k string) (any, bool) {
	if v, ok := m[k]; ok {
		return v, true
	}
	best, found := "", false
	for name := range m {
		if strings.EqualFold(name, k) && (!found || name < best) {
			best, found = name, true
		}
	}
	if !found {
		return nil, false
	}
	return m[best], true
}
