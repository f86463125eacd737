package site

import (
	"sync"

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
// every other page's body: the key hashes exactly these.
type pageMemo struct {
	b      *builder
	site   key   // templates, settings and every page's non-body fields
	bodies []key // by page index: the page's body fields
	once   sync.Once
	all    key // every page's bodies, computed when a page needs it
}

// newPageMemo hashes the site for the template pass; bodies are the
// pages' bodyHash from the markdown pass (see derive).
func (b *builder) newPageMemo(bodies []key) *pageMemo {
	seeds := &b.opts.Cache.seeds
	m := &pageMemo{b: b, bodies: bodies}
	h := seeds.hasher()
	fp := b.tmpl.Fingerprint()
	h.bytes(fp[:])
	h.flag(b.min != nil)
	h.flag(b.opts.Links != LinksOff)
	hashSite(b.ctx, seeds, h, b.site)
	m.site = h.sum()
	return m
}

// key is page i's memo key.
func (m *pageMemo) key(i int) key {
	h := m.b.opts.Cache.seeds.hasher()
	h.key(m.site)
	h.num(int64(i))
	h.key(m.bodies[i])
	if reads, _ := m.b.tmpl.ReadsOtherBodies(m.b.site.Pages[i]); reads {
		h.key(m.allBodies())
	}
	return h.sum()
}

// allBodies hashes every page's body fields, once per build. Template
// passes call it concurrently.
func (m *pageMemo) allBodies() key {
	m.once.Do(func() {
		h := m.b.opts.Cache.seeds.hasher()
		for _, k := range m.bodies {
			h.key(k)
		}
		m.all = h.sum()
	})
	return m.all
}

// bodyHash hashes v's body fields: the body's identity from the markdown
// pass (standing for Content, which is large), and the small derived
// fields themselves.
func bodyHash(seeds *keySeeds, v *layout.Page, body key) key {
	h := seeds.hasher()
	h.key(body)
	h.str(string(v.TableOfContents))
	h.str(v.Summary)
	h.str(string(v.JSONLD))
	if v.TOC != nil {
		hashTOC(h, v.TOC.Entries)
		h.flag(v.TOC.Ordered)
	}
	return h.sum()
}

// resetBodies forgets allBodies after m.bodies changed (a quick rebuild).
func (m *pageMemo) resetBodies() { m.once = sync.Once{} }
