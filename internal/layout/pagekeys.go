package layout

import (
	"context"
	"sync"

	"github.com/quire-docs/quire/internal/memo"
)

// PageKeys are the memo keys of the pages' template output, for a build
// that keeps outputs between builds (quire serve's). A page's file is a
// function of the template files, the whole site as templates see it
// apart from the body fields (BodyFields) of its pages, the page's own
// body, and, only when ReadsOtherBodies says its templates may read them,
// every other page's body: its key hashes exactly these, and what the
// caller adds (its options). ReadsOtherBodies is a deliberate input here:
// a page whose templates read only its own body is keyed by it alone.
type PageKeys struct {
	t      *Templates
	s      *Site
	seeds  *memo.Seeds
	site   memo.Key   // templates, options and every page's non-body fields
	bodies []memo.Key // by page index: the page's body fields
	once   sync.Once
	all    memo.Key // every page's bodies, hashed when a page needs it
}

// PageKeys hashes site s for the template pass with the options flags;
// bodies are the pages' body keys, by index, from the render pass.
func (t *Templates) PageKeys(ctx context.Context, seeds *memo.Seeds, s *Site, bodies []memo.Key, flags ...bool) *PageKeys {
	h := seeds.Hasher()
	fp := t.Fingerprint()
	h.Bytes(fp[:])
	for _, f := range flags {
		h.Flag(f)
	}
	HashSite(ctx, seeds, h, s)
	return &PageKeys{t: t, s: s, seeds: seeds, site: h.Sum(), bodies: bodies}
}

// Key is page i's key.
func (k *PageKeys) Key(i int) memo.Key {
	h := k.seeds.Hasher()
	h.Key(k.site)
	h.Num(int64(i))
	h.Key(k.bodies[i])
	if reads, _ := k.t.ReadsOtherBodies(k.s.Pages[i]); reads {
		h.Key(k.allBodies())
	}
	return h.Sum()
}

// allBodies hashes every page's body fields, once. Template passes call
// it concurrently.
func (k *PageKeys) allBodies() memo.Key {
	k.once.Do(func() {
		h := k.seeds.Hasher()
		for _, b := range k.bodies {
			h.Key(b)
		}
		k.all = h.Sum()
	})
	return k.all
}

// WithBodies returns keys for the views s (a copy of k's site, as a
// quick rebuild makes) whose pages' body keys are k's but for the pages
// in bodies (index → key). k is not changed.
func (k *PageKeys) WithBodies(s *Site, bodies map[int]memo.Key) *PageKeys {
	n := &PageKeys{t: k.t, s: s, seeds: k.seeds, site: k.site, bodies: append([]memo.Key(nil), k.bodies...)}
	for i, b := range bodies {
		n.bodies[i] = b
	}
	return n
}
