package search

import (
	"bytes"
	"reflect"
	"slices"
	"testing"

	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/outline"
	"github.com/quire-docs/quire/internal/publish"
)

// TestLazyEncoder: the Memo is asked for its Encoder on the first call
// only, so a build that never encodes leaves it as it was; every call
// gives the same Encoder, and a nil Memo gives one of the build's own.
func TestLazyEncoder(t *testing.T) {
	t.Parallel()
	var m Memo
	first := m.Encoder("en")
	enc := m.LazyEncoder("de")
	if m.enc != first {
		t.Fatal("LazyEncoder changed the memo before its encoder was asked for")
	}
	e := enc()
	if e.Lang() != "de" || enc() != e || m.enc != e {
		t.Errorf("LazyEncoder gave %v (lang %q), then %v; the memo keeps %v", e, e.Lang(), enc(), m.enc)
	}
	nilEnc := (*Memo)(nil).LazyEncoder("en")
	if e := nilEnc(); e == nil || nilEnc() != e {
		t.Error("a nil Memo's LazyEncoder does not give one Encoder")
	}
}

// TestReencode: the pages at the indexes given are encoded anew from
// their views and outlines, the rest kept, and the entries given are
// not changed.
func TestReencode(t *testing.T) {
	t.Parallel()
	pages := sitePages(6)
	enc := NewEncoder("en")
	views := make([]*layout.Page, len(pages))
	outlines := make([]outline.Outline, len(pages))
	for i, p := range pages {
		views[i] = &layout.Page{RelPermalink: p.URL, Title: p.Title}
		outlines[i].Sections = p.Sections
	}
	es := (*Memo)(nil).Encode(enc, pages)
	old := slices.Clone(es)
	views[2] = &layout.Page{RelPermalink: pages[2].URL, Title: "Renamed"}
	views[4] = &layout.Page{RelPermalink: pages[4].URL, Title: "Also renamed"}
	got := Reencode(es, []int{2}, views, outlines, enc)
	if !reflect.DeepEqual(es, old) {
		t.Error("Reencode changed the entries it was given")
	}
	for i := range got {
		want := es[i]
		if i == 2 {
			want = enc.Encode(PageOf(views[2], outlines[2].Sections))
		}
		if !reflect.DeepEqual(got[i], want) {
			t.Errorf("entry %d: %v, want %v", i, got[i], want)
		}
	}
}

// TestDeferred: the set owns the index's files and makes Files' files
// when asked, then next's.
func TestDeferred(t *testing.T) {
	t.Parallel()
	es := (*Memo)(nil).Encode(NewEncoder("en"), sitePages(10))
	next := &publish.Deferred{Owns: func(p string) bool { return p == "llms-full.txt" },
		Files: func() []publish.File { return []publish.File{{Path: "llms-full.txt"}} }}
	d := Deferred(es, "en", next)
	want := Files(es, "en")
	for _, w := range want {
		f, ok := d.Find(w.Path)
		if !ok || !bytes.Equal(f.Data, w.Data) {
			t.Errorf("Find(%s) = %v, want the file Files makes", w.Path, ok)
		}
	}
	if !d.Owns(IndexPath) || d.Owns("index.html") {
		t.Error("the set owns other files than the index's")
	}
	if _, ok := d.Find("llms-full.txt"); !ok {
		t.Error("the set does not lead to next")
	}
	if all := d.All(); len(all) != len(want)+1 {
		t.Errorf("All made %d files, want %d", len(all), len(want)+1)
	}
}
