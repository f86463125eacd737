package render

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/funcs"
	"github.com/quire-docs/quire/internal/shortcode"
)

// Ref is the ref/relref resolver of page p: the page ref names (see
// content.Index.Ref for the order it is looked for in), p itself for "".
// A ref that names no page, or several, or a page without a URL (build
// render never), is an error saying why.
func (r *Renderer) Ref(p *content.Page, ref string) (shortcode.Target, error) {
	target := p
	if ref != "" {
		var err error
		if target, err = r.opts.Links.Index().Ref(p, ref); err != nil {
			return shortcode.Target{}, err
		}
		if !target.HasURL() {
			return shortcode.Target{}, fmt.Errorf("page %s has no URL: its build options say render: never (hint: link to another page, or give it render: link to keep its URL without writing it)", target.File)
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
	if v, ok := funcs.LookupParam(p.Params, key); ok {
		return v, true
	}
	return funcs.LookupParam(r.opts.Config.Params, key)
}
