package site

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/minify"
	"github.com/quire-docs/quire/internal/outline"
	"github.com/quire-docs/quire/internal/search"
)

// searchPages returns n pages with strings JSON escapes (and the
// minifier must keep as they are), sections with and without text.
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

// TestSearchIndexMinified: the index joined with minified numbers is
// byte for byte what the JSON minifier makes of the whole index, so
// builds need not minify it; and unminified it is search.Index. 12,345
// pages give page numbers that minify ("1000" → "1e3", "12000" → "12e3").
func TestSearchIndexMinified(t *testing.T) {
	t.Parallel()
	for _, n := range []int{0, 1, 12345} {
		pages := searchPages(n)
		es := (*searchMemo)(nil).encode(pages)
		plain := search.Index(pages)
		if got := (&builder{}).searchIndex(es); !bytes.Equal(got, plain) {
			t.Errorf("%d pages, unminified: differs from search.Index", n)
		}
		want, err := minify.New().File(searchIndexPath, plain)
		if err != nil {
			t.Fatal(err)
		}
		got := (&builder{min: minify.New()}).searchIndex(es)
		if !bytes.Equal(got, want) {
			i := 0
			for i < min(len(got), len(want)) && got[i] == want[i] {
				i++
			}
			t.Errorf("%d pages, minified: differs from the minified index at byte %d:\n%q\nwant\n%q", n, i, got[i:min(i+80, len(got))], want[i:min(i+80, len(want))])
		}
		if n > 1000 && !bytes.Contains(got, []byte(`[1e3,`)) {
			t.Errorf("%d pages: no minified page number 1e3 in the index", n)
		}
	}
}

// TestSearchMemo: a page whose URL, title and sections are unchanged keeps
// its entry; a change to any of them encodes the page anew; pages that
// are gone are dropped.
func TestSearchMemo(t *testing.T) {
	t.Parallel()
	pages := searchPages(50)
	var m searchMemo
	m.encode(pages)
	before := m.entries[pages[10].URL]

	next := append([]search.Page(nil), pages[1:]...) // page 0 removed
	next[20].Title += " renamed"                     // pages[21]
	next[28].Sections = append([]outline.Section(nil), next[28].Sections...)
	next[28].Sections[1].Text += "edited" // pages[29], a copy: the memo's own stays
	es := m.encode(next)

	if got, want := search.Join(es, func(n int) string { return fmt.Sprint(n) }), search.Index(next); !bytes.Equal(got, want) {
		t.Errorf("index from the memo differs from search.Index:\n%s\nwant\n%s", got, want)
	}
	if m.entries[pages[10].URL] != before {
		t.Error("an unchanged page was encoded again")
	}
	if _, ok := m.entries[pages[0].URL]; ok || len(m.entries) != len(next) {
		t.Errorf("memo holds %d entries (removed page kept: %v), want %d", len(m.entries), ok, len(next))
	}
	for _, p := range []search.Page{next[20], next[28]} {
		if e := m.entries[p.URL]; e.title != p.Title || e.sections[1] != p.Sections[1] {
			t.Errorf("%s: memo kept the old entry", p.URL)
		}
	}
}

// BenchmarkSearchIndexRebuild joins the minified index of 10,000 pages
// of about 4 KB of text each from a warm memo, as a rebuild does.
func BenchmarkSearchIndexRebuild(b *testing.B) {
	pages := searchPages(10000)
	for i := range pages {
		pages[i].Sections = append(pages[i].Sections, outline.Section{Level: 2, ID: "long", Title: "Long", Text: strings.Repeat("lorem ipsum ", 330)})
	}
	var m searchMemo
	m.encode(pages)
	bd := &builder{min: minify.New()}
	b.ReportAllocs()
	for b.Loop() {
		bd.searchIndex(m.encode(pages))
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(len(pages)), "µs/page")
}
