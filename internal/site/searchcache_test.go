package site

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/outline"
	"github.com/quire-docs/quire/internal/search"
)

// searchPages returns n pages with strings JSON escapes, sections with and
// without text.
func searchPages(n int) []search.Page {
	odd := []string{`"quoted" \ back`, "<b>&amp;</b>", "tab\tnl\nnul\x00", "\u2028\u2029", "bad \xff utf-8", "Zoë 日本語 🙂", "1000", "-0.50", "true"}
	pages := make([]search.Page, n)
	for i := range pages {
		pages[i] = search.Page{URL: fmt.Sprintf("/s%d/p%d/", i/100, i), Title: fmt.Sprintf("Page %d %s", i, odd[i%len(odd)])}
		for s := range i % 6 {
			pages[i].Sections = append(pages[i].Sections, outline.Section{
				Level: 2, ID: fmt.Sprintf("part-%d", s), Title: odd[(i+s)%len(odd)], Text: strings.Repeat(odd[s%len(odd)]+" ", s),
			})
		}
	}
	return pages
}

// TestSearchMemo: a page whose URL, title, sections and exclusion are
// unchanged keeps its entry; a change to any of them encodes the page
// anew; pages that are gone are dropped.
func TestSearchMemo(t *testing.T) {
	t.Parallel()
	pages := searchPages(50)
	var m searchMemo
	enc := m.encoder("en")
	m.encode(enc, pages)
	before := m.entries[pages[10].URL]

	next := append([]search.Page(nil), pages[1:]...) // page 0 removed
	next[20].Title += " renamed"                     // pages[21]
	next[28].Sections = append([]outline.Section(nil), next[28].Sections...)
	next[28].Sections[1].Text += "edited" // pages[29], a copy: the memo's own stays
	next[33].Exclude = true
	es := m.encode(enc, next)

	fresh := (*searchMemo)(nil).encode(search.NewEncoder("en"), next)
	if got, want := search.Join(es, "en"), search.Join(fresh, "en"); !reflect.DeepEqual(got, want) {
		t.Error("index from the memo differs from the index encoded anew")
	}
	if m.entries[pages[10].URL] != before {
		t.Error("an unchanged page was encoded again")
	}
	if _, ok := m.entries[pages[0].URL]; ok || len(m.entries) != len(next) {
		t.Errorf("memo holds %d entries (removed page kept: %v), want %d", len(m.entries), ok, len(next))
	}
	for _, p := range []search.Page{next[20], next[28], next[33]} {
		if e := m.entries[p.URL]; e.title != p.Title || !sameSection(e.sections[1], p.Sections[1]) || e.exclude != p.Exclude {
			t.Errorf("%s: memo kept the old entry", p.URL)
		}
	}
	if m.encoder("en") != enc || m.encoder("") == enc {
		t.Error("the memo's encoder is not kept for one language, or kept for another")
	}
}

// BenchmarkSearchIndexRebuild joins the index of 10,000 pages of about
// 4 KB of text each from a warm memo, as a rebuild does.
func BenchmarkSearchIndexRebuild(b *testing.B) {
	pages := searchPages(10000)
	for i := range pages {
		pages[i].Sections = append(pages[i].Sections, outline.Section{Level: 2, ID: "long", Title: "Long", Text: strings.Repeat("lorem ipsum ", 330)})
	}
	var m searchMemo
	enc := m.encoder("en")
	m.encode(enc, pages)
	b.ReportAllocs()
	for b.Loop() {
		search.Join(m.encode(enc, pages), "en")
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(len(pages)), "µs/page")
}
