package search

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/outline"
)

// oddPages returns n pages with strings JSON escapes, sections with and
// without text.
func oddPages(n int) []Page {
	odd := []string{`"quoted" \ back`, "<b>&amp;</b>", "tab\tnl\nnul\x00", "\u2028\u2029", "bad \xff utf-8", "Zoë 日本語 🙂", "1000", "-0.50", "true"}
	pages := make([]Page, n)
	for i := range pages {
		pages[i] = Page{URL: fmt.Sprintf("/s%d/p%d/", i/100, i), Title: fmt.Sprintf("Page %d %s", i, odd[i%len(odd)])}
		for s := range i % 6 {
			pages[i].Sections = append(pages[i].Sections, outline.Section{
				Level: 2, ID: fmt.Sprintf("part-%d", s), Title: odd[(i+s)%len(odd)], Text: strings.Repeat(odd[s%len(odd)]+" ", s),
			})
		}
	}
	return pages
}

// entryOf returns the memo's entry of url, or nil.
func entryOf(m *Memo, url string) *memoEntry {
	e, _ := m.entries.Peek(url)
	return e
}

// TestMemo: a page whose URL, title, sections and exclusion are
// unchanged keeps its entry; a change to any of them encodes the page
// anew; pages that are gone are dropped.
func TestMemo(t *testing.T) {
	t.Parallel()
	pages := oddPages(50)
	var m Memo
	enc := m.Encoder("en")
	m.Encode(enc, pages)
	before := entryOf(&m, pages[10].URL)

	next := append([]Page(nil), pages[1:]...) // page 0 removed
	next[20].Title += " renamed"              // pages[21]
	next[28].Sections = append([]outline.Section(nil), next[28].Sections...)
	next[28].Sections[1].Text += "edited" // pages[29], a copy: the memo's own stays
	next[33].Exclude = true
	es := m.Encode(enc, next)

	fresh := (*Memo)(nil).Encode(NewEncoder("en"), next)
	if got, want := Join(es, "en"), Join(fresh, "en"); !reflect.DeepEqual(got, want) {
		t.Error("index from the memo differs from the index encoded anew")
	}
	if entryOf(&m, pages[10].URL) != before {
		t.Error("an unchanged page was encoded again")
	}
	if e := entryOf(&m, pages[0].URL); e != nil || m.entries.Len() != len(next) {
		t.Errorf("memo holds %d entries (removed page kept: %v), want %d", m.entries.Len(), e != nil, len(next))
	}
	for _, p := range []Page{next[20], next[28], next[33]} {
		if e := entryOf(&m, p.URL); e.title != p.Title || !sameSection(e.sections[1], p.Sections[1]) || e.exclude != p.Exclude {
			t.Errorf("%s: memo kept the old entry", p.URL)
		}
	}
	if m.Encoder("en") != enc || m.Encoder("") == enc {
		t.Error("the memo's encoder is not kept for one language, or kept for another")
	}
}

// TestMemoNewEncoder: after the language changed, every page is encoded
// anew by the new Encoder, even an unchanged one.
func TestMemoNewEncoder(t *testing.T) {
	t.Parallel()
	pages := oddPages(10)
	var m Memo
	m.Encode(m.Encoder("en"), pages)
	before := entryOf(&m, pages[3].URL)
	enc := m.Encoder("")
	es := m.Encode(enc, pages)
	if entryOf(&m, pages[3].URL) == before {
		t.Error("an entry encoded in the old language was reused")
	}
	if got, want := Join(es, ""), Join((*Memo)(nil).Encode(NewEncoder(""), pages), ""); !reflect.DeepEqual(got, want) {
		t.Error("index from the memo differs from the index encoded anew in the new language")
	}
}

// TestMemoNilEncoder: a nil Memo gives a new Encoder each time.
func TestMemoNilEncoder(t *testing.T) {
	t.Parallel()
	var m *Memo
	a, b := m.Encoder("en"), m.Encoder("en")
	if a == nil || a == b || a.Lang() != "en" {
		t.Errorf("nil Memo's Encoder = %p, then %p (lang %q), want two new ones for en", a, b, a.Lang())
	}
}

// TestEntries: the entries encoded page by page are taken as they are
// (as many as there are views); otherwise each view is encoded with its
// outline's sections, through the memo when there is one, and the views
// past the outlines have none.
func TestEntries(t *testing.T) {
	t.Parallel()
	pages := oddPages(6)
	views := make([]*layout.Page, len(pages))
	outlines := make([]outline.Outline, len(pages))
	for i, p := range pages {
		views[i] = &layout.Page{RelPermalink: p.URL, Title: p.Title}
		outlines[i] = outline.Outline{Sections: p.Sections}
	}
	enc := NewEncoder("en")
	want := (*Memo)(nil).Encode(enc, pages)

	encoded := slices.Clone(want)
	if got := Entries(encoded, views[:4], nil, nil, enc); len(got) != 4 || &got[0] != &encoded[0] {
		t.Errorf("Entries of 4 views from %d encoded = %d entries, want the first 4 of them", len(encoded), len(got))
	}
	if got := Entries(nil, views, outlines, nil, enc); !reflect.DeepEqual(got, want) {
		t.Error("Entries without a memo differ from the pages encoded")
	}
	var m Memo
	if got := Entries(nil, views, outlines, &m, enc); !reflect.DeepEqual(got, want) || entryOf(&m, pages[5].URL) == nil {
		t.Error("Entries through a memo differ from the pages encoded, or the memo does not hold them")
	}
	if got := Entries(nil, views, outlines[:3], nil, enc); !reflect.DeepEqual(got, want[:3]) {
		t.Errorf("Entries with 3 outlines = %d entries, want the first 3", len(got))
	}
}

// BenchmarkIndexRebuild joins the index of 10,000 pages of about 4 KB of
// text each from a warm memo, as a rebuild does.
func BenchmarkIndexRebuild(b *testing.B) {
	pages := oddPages(10000)
	for i := range pages {
		pages[i].Sections = append(pages[i].Sections, outline.Section{Level: 2, ID: "long", Title: "Long", Text: strings.Repeat("lorem ipsum ", 330)})
	}
	var m Memo
	enc := m.Encoder("en")
	m.Encode(enc, pages)
	b.ReportAllocs()
	for b.Loop() {
		Join(m.Encode(enc, pages), "en")
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(len(pages)), "µs/page")
}
