package render

import (
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/memo"
)

// derivedEntry is what a page's view got from its rendered body, kept in
// a Memo between builds so a rebuild does not build every page's TOC and
// outline again, with the view's body key.
type derivedEntry struct {
	Derived
	viewKey memo.Key
}

// DeriveView fills v's body fields but Content from body (Derive, then
// Apply) and returns the outline and v's body key: a hash of its body
// fields for the memo keys of the template stage, the body's ID standing
// for Content. With a Memo it goes through it, keyed by everything Derive
// reads; without one the key is zero.
func (r *Renderer) DeriveView(p *content.Page, v *layout.Page, b *Body) (Derived, memo.Key) {
	m := r.opts.Memo
	if m == nil {
		d := r.Derive(p, v, b)
		d.Apply(v)
		return d, memo.Key{}
	}
	k := r.deriveKey(p, v, b)
	if e, ok := m.derived.Get(k); ok {
		e.Apply(v)
		return e.Derived, e.viewKey
	}
	d := r.Derive(p, v, b)
	d.Apply(v)
	h := m.seeds.Hasher()
	h.Key(memo.Key(b.ID))
	layout.HashBody(h, v)
	e := &derivedEntry{Derived: d, viewKey: h.Sum()}
	m.derived.Put(k, e)
	return d, e.viewKey
}

// deriveKey hashes what Derive reads: the body (by its identity), the
// page's and the site's TOC settings, and the page's type and draft flag.
func (r *Renderer) deriveKey(p *content.Page, v *layout.Page, b *Body) memo.Key {
	cfg := r.opts.Config.TOC
	h := r.opts.Memo.seeds.Hasher()
	h.Key(memo.Key(b.ID))
	h.Flag(p.TOC.Disabled)
	h.Num(int64(p.TOC.StartLevel))
	h.Num(int64(p.TOC.EndLevel))
	h.Num(int64(cfg.StartLevel))
	h.Num(int64(cfg.EndLevel))
	h.Flag(cfg.Ordered)
	h.Str(v.Type)
	h.Flag(v.Draft)
	return h.Sum()
}
