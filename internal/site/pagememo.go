package site

import (
	"sync"

	"github.com/quire-docs/quire/internal/memo"

	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/linkcheck"
)

// pageOut is a page's finished file as the cache keeps it between
// builds: its minified HTML and that HTML parsed for the link check.
type pageOut struct {
	data   []byte
	parsed *linkcheck.Parsed // nil when the build that made it had LinksOff
}

// pageMemo decides, in a build with a Cache, which pages' template output
// can be taken from the previous build. A page's file is a function of
// the template files, the whole site as templates see it apart from the
// body fields (layout.BodyFields) of its pages, the page's own body, and,
// only when layout.ReadsOtherBodies says its templates may read them,
// every other page's body: the memo.Key hashes exactly these.
type pageMemo struct {
	b      *builder
	site   memo.Key   // templates, settings and every page's non-body fields
	bodies []memo.Key // by page index: the page's body fields
	once   sync.Once
	all    memo.Key // every page's bodies, computed when a page needs it
}

// newPageMemo hashes the site for the template pass; bodies are the
// pages' body keys from the markdown pass (render.DeriveView).
func (b *builder) newPageMemo(bodies []memo.Key) *pageMemo {
	seeds := &b.opts.Cache.seeds
	m := &pageMemo{b: b, bodies: bodies}
	h := seeds.Hasher()
	fp := b.tmpl.Fingerprint()
	h.Bytes(fp[:])
	h.Flag(b.min != nil)
	h.Flag(b.opts.Links != LinksOff)
	layout.HashSite(b.ctx, seeds, h, b.site)
	m.site = h.Sum()
	return m
}

// key is page i's memo memo.Key.
func (m *pageMemo) key(i int) memo.Key {
	h := m.b.opts.Cache.seeds.Hasher()
	h.Key(m.site)
	h.Num(int64(i))
	h.Key(m.bodies[i])
	if reads, _ := m.b.tmpl.ReadsOtherBodies(m.b.site.Pages[i]); reads {
		h.Key(m.allBodies())
	}
	return h.Sum()
}

// allBodies hashes every page's body fields, once per build. Template
// passes call it concurrently.
func (m *pageMemo) allBodies() memo.Key {
	m.once.Do(func() {
		h := m.b.opts.Cache.seeds.Hasher()
		for _, k := range m.bodies {
			h.Key(k)
		}
		m.all = h.Sum()
	})
	return m.all
}

// resetBodies forgets allBodies after m.bodies changed (a quick rebuild).
func (m *pageMemo) resetBodies() { m.once = sync.Once{} }
