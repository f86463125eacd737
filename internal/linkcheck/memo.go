package linkcheck

import (
	"context"
	"maps"
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
// what its links can point at: every output file, why the pages that are
// not written are not (Options.Unpublished), and the ids of the pages its
// links with a fragment point to. A page's result is reused when it comes
// from the same Parse as last time (Options.Parsed, which the build keeps
// with the page's output) at the same path, the site has the same files
// and unpublished pages, and none of the pages its fragments point to has
// other ids than last time. A change to the site's files or unpublished
// pages checks every page again; a change to one page's ids, that page
// and the pages linking to one of its fragments.
//
// Its entries are not a memo.Table: they are valid only all together (the
// same files and base URL), every check writes one for every page, and
// they are found by place in the file index that builds with the same
// files share, so a slice does what a table does with a hash and a lock
// per page: keyed by path, a check of 10,000 pages took 40-75% more CPU,
// keyed by place 20-35% (BenchmarkMemoCheck10000).
type Memo struct {
	mu sync.Mutex
	// The last complete check: the file index and base URL it ran on,
	// and each HTML file's entry, by its place in that index.
	last    *fileIndex
	base    [2]string // base path and origin
	unpub   map[string]string
	entries []*memoEntry
	files   *fileIndex // the last build's, for Collect
	pages   *pageIndex
	checked int
	reused  int
}

// memoEntry is one page's check.
type memoEntry struct {
	src   *doc                // the Parse it was checked from; nil when Collect parsed it (never reused)
	url   string              // the page's URL
	ids   map[string]struct{} // its ids (src's, or its own copy's)
	frags []string            // paths its links with a fragment point to, sorted
	found []found
	ok    []string
}

// NewMemo returns an empty Memo.
func NewMemo() *Memo { return &Memo{} }

// Last reports how many pages the last check checked and how many
// results it reused.
func (m *Memo) Last() (checked, reused int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.checked, m.reused
}

// pointsTo reports whether the page's links with a fragment point to one
// of paths.
func (e *memoEntry) pointsTo(paths []string) bool {
	for _, p := range paths {
		if _, ok := slices.BinarySearch(e.frags, p); ok {
			return true
		}
	}
	return false
}

// sameFiles reports whether a and b index the same paths, HTML files at
// the same places: at once when they are one index, as Collect shares it
// between builds with the same paths in the same order.
func sameFiles(a, b *fileIndex) bool {
	if a == b {
		return true
	}
	if a == nil || b == nil || len(a.at) != len(b.at) || len(a.html) != len(b.html) {
		return false
	}
	for p, k := range a.at {
		if bk, ok := b.at[p]; !ok || bk != k {
			return false
		}
	}
	return true
}

// checkAll is Links.checkAll's per-page pass through the memo: it fills
// perDoc and okKeys from the last build where it can and checks the rest.
// The same files and base URL let pages be compared place by place (in
// path order) with the last check; otherwise every page is checked.
func (m *Memo) checkAll(ctx context.Context, l *Links) (perDoc [][]found, okKeys [][]string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var prev []*memoEntry
	if m.base == [2]string{l.base, l.origin} && sameFiles(l.index, m.last) && maps.Equal(m.unpub, l.unpub) {
		prev = m.entries
	}
	perDoc = make([][]found, len(l.docs))
	okKeys = make([][]string, len(l.docs))
	next := make([]*memoEntry, len(l.docs))
	// A page may keep its verdicts when it is the same Parse at the same
	// URL, unless a page its fragments point to has other ids now: the
	// paths links may use for such a page ("faq/index.html", "faq/" and
	// "faq" all name faq/index.html) are stale.
	var keep []bool
	var stale []string
	if prev != nil {
		keep = make([]bool, len(l.docs))
	}
	for k, d := range l.docs {
		if d == nil || prev == nil {
			continue
		}
		e := prev[k]
		sameIDs := e != nil && (e.src != nil && e.src == d.src || maps.Equal(e.ids, d.ids))
		if !sameIDs {
			stale = append(stale, d.path)
			if dir, ok := strings.CutSuffix(d.path, "index.html"); ok {
				stale = append(stale, dir)
				if dir != "" {
					stale = append(stale, strings.TrimSuffix(dir, "/"))
				}
			}
		}
		keep[k] = e != nil && d.src != nil && e.src == d.src && e.url == d.url
	}
	var todo []int
	for k, d := range l.docs {
		if d == nil {
			continue
		}
		if keep != nil && keep[k] && !prev[k].pointsTo(stale) {
			e := prev[k]
			perDoc[k], okKeys[k], next[k] = e.found, e.ok, e
			continue
		}
		todo = append(todo, k)
	}
	m.checked, m.reused = len(todo), len(l.docs)-len(todo)
	m.mu.Unlock()
	results := l.checkSome(ctx, todo)
	m.mu.Lock()
	if ctx.Err() != nil {
		// Pages not checked have no results: keep the last check.
		return perDoc, okKeys
	}
	for _, k := range todo {
		d := l.docs[k]
		r := results[k]
		perDoc[k], okKeys[k] = r.found, r.ok
		next[k] = &memoEntry{src: d.src, url: d.url, ids: d.ids, frags: r.frags, found: r.found, ok: r.ok}
	}
	m.last, m.base, m.entries, m.unpub = l.index, [2]string{l.base, l.origin}, next, l.unpub
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
