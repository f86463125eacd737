package memo

import (
	"maps"
	"sync"
)

// Table memoises values by key between the builds of one site, in two
// generations: the current one, left by the last committed build, and the
// next one, filled by the running build. The zero Table is empty and ready
// to use.
//
// A build runs Begin (or BeginKeep), then any number of Gets and Puts,
// from any number of goroutines, then Commit or Abort:
//
//   - Commit makes the next generation current. An entry the build did not
//     use (neither found by Get nor written by Put) is dropped, so a table
//     holds no more than one build's worth of entries.
//   - Abort drops the next generation: an aborted build (canceled, or
//     failed before its results can be trusted) changes nothing, and the
//     next build sees what the last committed one left.
//
// One build at a time: Begin while a build is running aborts that build
// first. Table is safe for concurrent use.
type Table[K comparable, V any] struct {
	mu   sync.Mutex
	cur  map[K]V
	next map[K]V // nil outside a build

	hits, misses         int // the Gets of the build that made cur
	nextHits, nextMisses int // of the running build
}

// Begin starts a build whose next generation starts empty: it keeps only
// what the build uses.
func (t *Table[K, V]) Begin() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.next = make(map[K]V, len(t.cur))
	t.nextHits, t.nextMisses = 0, 0
}

// BeginKeep starts a build whose next generation starts as a copy of the
// current one: for a quick rebuild that touches few entries and must keep
// the others.
func (t *Table[K, V]) BeginKeep() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.next = maps.Clone(t.cur)
	if t.next == nil {
		t.next = map[K]V{}
	}
	t.nextHits, t.nextMisses = 0, 0
}

// Get returns the value of k in the running build (put by it, or carried
// into it), or else in the current generation, and whether there is one.
// A value found in the current generation is carried into the next, so a
// hit survives Commit. Gets count in Stats. Outside a build, Get reads the
// current generation and counts nothing.
func (t *Table[K, V]) Get(k K) (V, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.next == nil {
		v, ok := t.cur[k]
		return v, ok
	}
	if v, ok := t.next[k]; ok {
		t.nextHits++
		return v, true
	}
	v, ok := t.cur[k]
	if !ok {
		t.nextMisses++
		return v, false
	}
	t.next[k] = v
	t.nextHits++
	return v, true
}

// Peek is Get without carrying the value over or counting it: for a value
// the caller must check before reusing it (and then Put it, or a new one).
func (t *Table[K, V]) Peek(k K) (V, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if v, ok := t.next[k]; ok {
		return v, true
	}
	v, ok := t.cur[k]
	return v, ok
}

// Put sets k's value in the running build's generation. Outside a build
// it does nothing: a value nobody started a build for would outlive the
// contract that a committed build keeps only what it used.
func (t *Table[K, V]) Put(k K, v V) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.next != nil {
		t.next[k] = v
	}
}

// Commit ends the running build: its generation becomes the current one,
// and its Gets the Stats. Outside a build it does nothing.
func (t *Table[K, V]) Commit() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.next == nil {
		return
	}
	t.cur, t.next = t.next, nil
	t.hits, t.misses = t.nextHits, t.nextMisses
}

// Abort ends the running build and drops what it did: the current
// generation and Stats stay as they were.
func (t *Table[K, V]) Abort() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.next = nil
}

// Len returns the number of entries in the current generation.
func (t *Table[K, V]) Len() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.cur)
}

// Stats returns how many Gets of the last committed build found a value
// and how many did not.
func (t *Table[K, V]) Stats() (hits, misses int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.hits, t.misses
}
