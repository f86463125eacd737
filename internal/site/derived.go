package site

import (
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/memo"
	"github.com/quire-docs/quire/internal/outline"
	"github.com/quire-docs/quire/internal/render"
)

// derived is what a page's view got from its rendered body
// (render.Derived) and their hash for the page memo. With a Cache it is
// kept between builds, keyed by derivedKey, so a rebuild does not build
// every page's TOC and outline again.
type derived struct {
	render.Derived
	bodyHash memo.Key // bodyHash of the view with these fields
}

// derivedKey hashes what Derive reads: the body (by its identity), the
// page's and the site's TOC settings, and the page's type and draft flag.
func (b *builder) derivedKey(p *content.Page, v *layout.Page, body *render.Body) memo.Key {
	h := b.opts.Cache.seeds.Hasher()
	h.Key(memo.Key(body.ID))
	h.Flag(p.TOC.Disabled)
	h.Num(int64(p.TOC.StartLevel))
	h.Num(int64(p.TOC.EndLevel))
	h.Num(int64(b.cfg.TOC.StartLevel))
	h.Num(int64(b.cfg.TOC.EndLevel))
	h.Flag(b.cfg.TOC.Ordered)
	h.Str(v.Type)
	h.Flag(v.Draft)
	return h.Sum()
}

// derive fills v's TOC, summary and structured data from body and
// returns its outline, through the cache when there is one.
func (b *builder) derive(p *content.Page, v *layout.Page, body *render.Body) (outline.Outline, memo.Key) {
	c := b.opts.Cache
	var k memo.Key
	if c != nil {
		k = b.derivedKey(p, v, body)
		if d := c.derivedOf(k); d != nil {
			d.Apply(v)
			return d.Outline, d.bodyHash
		}
	}
	d := b.render.Derive(p, v, body)
	d.Apply(v)
	if c == nil {
		return d.Outline, memo.Key{}
	}
	kept := &derived{Derived: d, bodyHash: bodyHash(&c.seeds, v, memo.Key(body.ID))}
	c.putDerived(k, kept)
	return d.Outline, kept.bodyHash
}
