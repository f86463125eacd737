package render

import (
	"testing"

	"github.com/quire-docs/quire/internal/linkcheck"
	"github.com/quire-docs/quire/internal/memo"
)

// TestFileMemo runs builds through a FileMemo and checks which files each
// finds and what Last counts.
func TestFileMemo(t *testing.T) {
	t.Parallel()
	a, b, c := memo.Key{1}, memo.Key{2}, memo.Key{3}
	parsed := &PageFile{Data: []byte("<p>a</p>"), Parsed: linkcheck.Parse([]byte("<p>a</p>"))}
	plain := &PageFile{Data: []byte("<p>b</p>")} // made with the link check off
	var m FileMemo
	get := func(t *testing.T, k memo.Key, withParse bool, want *PageFile) {
		t.Helper()
		if got := m.Get(k, withParse); got != want {
			t.Errorf("Get(%v, %v) = %p, want %p", k, withParse, got, want)
		}
	}
	last := func(t *testing.T, templated, kept int) {
		t.Helper()
		if gt, gk := m.Last(); gt != templated || gk != kept {
			t.Errorf("Last = %d templated, %d kept; want %d, %d", gt, gk, templated, kept)
		}
	}

	// A first build finds nothing and puts its pages' files.
	m.Begin(false)
	get(t, a, true, nil)
	m.Put(a, parsed)
	m.Put(b, plain)
	m.Commit(false, 2)
	last(t, 2, 0)

	// The next build finds them; a file without its parse is not one
	// for a build with the link check on, and is not kept by asking.
	m.Begin(false)
	get(t, a, true, parsed)
	get(t, b, true, nil)
	get(t, b, false, plain)
	m.Commit(false, 2)
	last(t, 0, 2)

	// A build that uses only a drops b.
	m.Begin(false)
	get(t, a, false, parsed)
	m.Commit(false, 1)
	last(t, 0, 1)
	m.Begin(false)
	get(t, b, false, nil)
	m.Abort()

	// An aborted build changes nothing: what it put is gone, a is there.
	m.Begin(false)
	m.Put(c, plain)
	m.Abort()
	m.Begin(false)
	get(t, c, false, nil)
	get(t, a, false, parsed)
	m.Commit(false, 1)

	// A quick rebuild keeps every file it does not touch, and counts the
	// pages whose templates it did not run as kept.
	m.Begin(true)
	m.Put(c, plain)
	m.Commit(true, 5)
	last(t, 1, 4)
	m.Begin(false)
	get(t, a, false, parsed)
	get(t, c, false, plain)
	m.Commit(false, 2)
	last(t, 0, 2)
}
