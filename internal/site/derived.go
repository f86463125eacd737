package site

import (
	"html/template"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/outline"
	"github.com/quire-docs/quire/internal/toc"
)

// derived is what a page's view gets from its rendered body besides the
// HTML: its TOC, its outline (for search), .Summary and .JSONLD, and
// their hash for the page memo. With a Cache it is kept between builds,
// keyed by derivedKey, so a rebuild does not build every page's TOC and
// outline again.
type derived struct {
	toc      *toc.TOC
	tocHTML  template.HTML
	outline  outline.Outline
	summary  string
	jsonld   template.JS
	bodyHash key // bodyHash of the view with these fields
}

// derivedKey hashes what derive reads: the body (by its identity), the
// page's and the site's TOC settings, and the page's type and draft flag.
func (b *builder) derivedKey(p *content.Page, v *layout.Page, body *pageBody) key {
	h := b.opts.Cache.seeds.hasher()
	h.key(body.key)
	h.flag(p.TOC.Disabled)
	h.num(int64(p.TOC.StartLevel))
	h.num(int64(p.TOC.EndLevel))
	h.num(int64(b.cfg.TOC.StartLevel))
	h.num(int64(b.cfg.TOC.EndLevel))
	h.flag(b.cfg.TOC.Ordered)
	h.str(v.Type)
	h.flag(v.Draft)
	return h.sum()
}

// derive fills v's TOC, summary and structured data from body and
// returns its outline, through the cache when there is one.
func (b *builder) derive(p *content.Page, v *layout.Page, body *pageBody) (outline.Outline, key) {
	c := b.opts.Cache
	var k key
	if c != nil {
		k = b.derivedKey(p, v, body)
		if d := c.derivedOf(k); d != nil {
			v.TOC, v.TableOfContents, v.Summary, v.JSONLD = d.toc, d.tocHTML, d.summary, d.jsonld
			return d.outline, d.bodyHash
		}
	}
	v.TOC = b.pageTOC(p, body.res.Headings)
	v.TableOfContents = v.TOC.HTML()
	o := b.pageOutline(v, body)
	if c == nil {
		return o, key{}
	}
	d := &derived{toc: v.TOC, tocHTML: v.TableOfContents, outline: o, summary: v.Summary, jsonld: v.JSONLD,
		bodyHash: bodyHash(&c.seeds, v, body.key)}
	c.putDerived(k, d)
	return o, d.bodyHash
}
