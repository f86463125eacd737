package linkcheck

import (
	"context"
	"hash/maphash"
	"slices"
	"strings"
	"sync"
)

// Memo remembers the internal check of each page between builds, so a
// rebuild after a one-page edit checks the links of that page only. Give
// the same Memo in Options to each Collect of one site (quire serve keeps
// one); it is safe for one build at a time.
//
// A page's verdicts depend on its links (its parsed HTML), its URL, and
// what its links can point at: every output file, and the ids of the
// pages its links with a fragment point to. A page's result is reused
// when it comes from the same Parse as last time (Options.Parsed, which
// the build keeps with the page's output) at the same path, the site has
// the same files, and none of the pages its fragments point to has other
// ids than last time. A change to the site's files checks every page
// again; a change to one page's ids, that page and the pages linking to
// one of its fragments.
type Memo struct {
	mu      sync.Mutex
	seed    maphash.Seed
	entries map[*doc]memoEntry // by the Parse the page came from, last build
	next    map[*doc]memoEntry
	ids     map[*doc]uint64 // hash of a parsed page's ids, by its Parse
	nextIDs map[*doc]uint64
	pathIDs map[string]uint64 // hash of each HTML file's ids, by path, last build
	files   *fileIndex        // the last build's, for Collect
	pages   *pageIndex
	checked int
	reused  int
}

type memoEntry struct {
	path, url string
	files     uint64   // fingerprint of the site's files (see targets)
	frags     []string // paths its links with a fragment point to, sorted
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

// targets fingerprints what links can point at, but for ids: the base
// URL and every output path, and whether it is HTML. The sum over files
// does not depend on their order. It also returns the paths links may use
// for the HTML files whose ids are not last build's ("faq/index.html",
// "faq/" and "faq" all name faq/index.html), and each HTML file's ids
// hash, by path.
func (m *Memo) targets(l *Links) (files uint64, stale []string, ids map[string]uint64) {
	m.nextIDs = make(map[*doc]uint64, len(l.docs))
	var h maphash.Hash
	h.SetSeed(m.seed)
	ids = make(map[string]uint64, len(l.docs))
	for _, p := range l.index.paths {
		d, _ := l.file(p)
		h.Reset()
		h.WriteString(l.base)
		h.WriteByte(0)
		h.WriteString(l.origin)
		h.WriteByte(0)
		h.WriteString(p)
		if d != nil {
			h.WriteByte(1)
			v, ok := m.ids[d.src]
			if d.src == nil || !ok {
				v = m.idsHash(d)
			}
			if d.src != nil {
				m.nextIDs[d.src] = v
			}
			ids[p] = v
		}
		files += h.Sum64()
	}
	for p, v := range ids {
		if old, ok := m.pathIDs[p]; ok && old == v {
			continue
		}
		stale = append(stale, p)
		if dir, ok := strings.CutSuffix(p, "index.html"); ok {
			stale = append(stale, dir)
			if dir != "" {
				stale = append(stale, strings.TrimSuffix(dir, "/"))
			}
		}
	}
	return files, stale, ids
}

// pointsTo reports whether the page's links with a fragment point to one
// of paths.
func (e memoEntry) pointsTo(paths []string) bool {
	for _, p := range paths {
		if _, ok := slices.BinarySearch(e.frags, p); ok {
			return true
		}
	}
	return false
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
	files, stale, ids := m.targets(l)
	perDoc = make([][]found, len(l.docs))
	okKeys = make([][]string, len(l.docs))
	m.next = make(map[*doc]memoEntry, len(l.docs))
	var todo []int
	for i, d := range l.docs {
		if d == nil {
			continue
		}
		if d.src != nil {
			if e, ok := m.entries[d.src]; ok && e.path == d.path && e.url == d.url && e.files == files && !e.pointsTo(stale) {
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
	if ctx.Err() != nil {
		// Pages not checked have no results: keep the last build's.
		m.next, m.nextIDs = nil, nil
		return perDoc, okKeys
	}
	for _, i := range todo {
		d := l.docs[i]
		perDoc[i], okKeys[i] = results[i].found, results[i].ok
		if d.src != nil {
			m.next[d.src] = memoEntry{path: d.path, url: d.url, files: files, frags: results[i].frags, found: results[i].found, ok: results[i].ok}
		}
	}
	m.entries, m.next = m.next, nil
	m.ids, m.nextIDs = m.nextIDs, nil
	m.pathIDs = ids
	return perDoc, okKeys
}

// docResult is the check of one page: its broken links and the URLs of
// its links that are ok.
type docResult struct {
	found []found
	ok    []string
	frags []string // paths its links with a fragment point to, sorted
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
