package linkcheck

import (
	"context"
	"hash/maphash"
	"sync"
)

// Memo remembers the internal check of each page between builds, so a
// rebuild after a one-page edit checks the links of that page only. Give
// the same Memo in Options to each Collect of one site (quire serve keeps
// one); it is safe for one build at a time.
//
// A page's verdicts depend on its links (its parsed HTML), its URL, and
// what its links can point at: every output file and every HTML file's
// ids. A page's result is reused when it comes from the same Parse as
// last time (Options.Parsed, which the build keeps with the page's output)
// at the same path, and no file or id in the site has changed; a change
// to the site's files or ids checks every page again.
type Memo struct {
	mu      sync.Mutex
	seed    maphash.Seed
	entries map[*doc]memoEntry // by the Parse the page came from, last build
	next    map[*doc]memoEntry
	ids     map[*doc]uint64 // hash of a parsed page's ids, by its Parse
	nextIDs map[*doc]uint64
	checked int
	reused  int
}

type memoEntry struct {
	path, url string
	targets   uint64 // fingerprint of the site's files and ids
	found     []found
	ok        []string
}

// NewMemo returns an empty Memo.
func NewMemo() *Memo {
	return &Memo{seed: maphash.MakeSeed(), entries: map[*doc]memoEntry{}, ids: map[*doc]uint64{}}
}

// Last reports how many pages the last check checked and how many
// results it reused.
func (m *Memo) Last() (checked, reused int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.checked, m.reused
}

// targets fingerprints what links can point at: every output path and,
// for each HTML file, its ids. The sum over files does not depend on
// their order; each file's part is a hash of its path and ids.
func (m *Memo) targets(l *Links) uint64 {
	m.nextIDs = make(map[*doc]uint64, len(l.docs))
	var sum uint64
	var h maphash.Hash
	h.SetSeed(m.seed)
	for p, d := range l.files {
		h.Reset()
		h.WriteString(l.base)
		h.WriteByte(0)
		h.WriteString(l.origin)
		h.WriteByte(0)
		h.WriteString(p)
		if d != nil {
			h.WriteByte(1)
			var ids uint64
			if d.src != nil {
				if v, ok := m.ids[d.src]; ok {
					ids = v
				} else {
					ids = m.idsHash(d)
				}
				m.nextIDs[d.src] = ids
			} else {
				ids = m.idsHash(d)
			}
			var n [8]byte
			for i := range n {
				n[i] = byte(ids >> (8 * i))
			}
			h.Write(n[:])
		}
		sum += h.Sum64()
	}
	return sum
}

// idsHash hashes d's ids, in no particular order.
func (m *Memo) idsHash(d *doc) uint64 {
	var sum uint64
	for id := range d.ids {
		sum += maphash.String(m.seed, id)
	}
	return sum + uint64(len(d.ids))
}

// checkAll is Links.checkAll's per-page pass through the memo: it fills
// perDoc and okKeys from the last build where it can and checks the rest.
func (m *Memo) checkAll(ctx context.Context, l *Links) (perDoc [][]found, okKeys [][]string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	targets := m.targets(l)
	perDoc = make([][]found, len(l.docs))
	okKeys = make([][]string, len(l.docs))
	m.next = make(map[*doc]memoEntry, len(l.docs))
	var todo []int
	for i, d := range l.docs {
		if d == nil {
			continue
		}
		if d.src != nil {
			if e, ok := m.entries[d.src]; ok && e.path == d.path && e.url == d.url && e.targets == targets {
				perDoc[i], okKeys[i] = e.found, e.ok
				m.next[d.src] = e
				continue
			}
		}
		todo = append(todo, i)
	}
	m.checked, m.reused = len(todo), len(l.docs)-len(todo)
	m.mu.Unlock()
	results := l.checkSome(ctx, todo)
	m.mu.Lock()
	for _, i := range todo {
		d := l.docs[i]
		perDoc[i], okKeys[i] = results[i].found, results[i].ok
		if d.src != nil {
			m.next[d.src] = memoEntry{path: d.path, url: d.url, targets: targets, found: results[i].found, ok: results[i].ok}
		}
	}
	m.entries, m.next = m.next, nil
	m.ids, m.nextIDs = m.nextIDs, nil
	return perDoc, okKeys
}

// docResult is the check of one page: its broken links and the URLs of
// its links that are ok.
type docResult struct {
	found []found
	ok    []string
}

// okList turns checkDoc's set of ok URLs into a slice, the form the memo
// keeps (a fraction of a map's size).
func okList(set map[string]struct{}) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	return out
}
