package sitemap

import (
	"bytes"
	"testing"

	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/minify"
)

// TestMemoFollowsEdits: with a Memo, every build gives the sitemap a
// build without one gives; a build with the same inputs reuses the last
// bytes, and any change of what the sitemap shows (a date, a lastmod, a
// permalink, a draft, a page, minification) builds it anew.
func TestMemoFollowsEdits(t *testing.T) {
	t.Parallel()
	pages := []*layout.Page{
		{Permalink: "https://example.org/a/"},
		{Permalink: "https://example.org/b/", Date: day("2024-01-02")},
	}
	var min *minify.Minifier
	edits := []struct {
		name  string
		edit  func()
		reuse bool
	}{
		{"FirstBuild", func() {}, false},
		{"NothingChanged", func() {}, true},
		{"DateAdded", func() { pages[0].Date = day("2024-03-04") }, false},
		{"LastmodAdded", func() { pages[0].Lastmod = day("2025-05-06") }, false},
		{"DateUnderLastmodChanged", func() { pages[0].Date = day("2024-03-05") }, true},
		{"SameDayOtherTime", func() { pages[1].Date = pages[1].Date.Add(3600e9) }, true},
		{"PageMadeDraft", func() { pages[1].Draft = true }, false},
		{"DraftEdited", func() { pages[1].Date = day("2020-01-01") }, true},
		{"PageAdded", func() { pages = append(pages, &layout.Page{Permalink: "https://example.org/c/"}) }, false},
		{"PermalinkChanged", func() { pages[0].Permalink = "https://example.org/docs/a/" }, false},
		{"MinificationOn", func() { min = minify.New() }, false},
		{"MinifiedAgain", func() {}, true},
		{"MinificationOff", func() { min = nil }, false},
	}
	var m Memo
	var last []byte
	for _, e := range edits {
		e.edit()
		got, err := File(pages, min, &m)
		if err != nil {
			t.Fatalf("%s: %v", e.name, err)
		}
		want, err := File(pages, min, nil)
		if err != nil {
			t.Fatalf("%s: %v", e.name, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: sitemap with the memo:\n%s\nwithout:\n%s", e.name, got, want)
		}
		hits, misses := m.table.Stats()
		if reused := hits == 1 && misses == 0; reused != e.reuse {
			t.Errorf("%s: memo hits, misses = %d, %d; want reuse %v", e.name, hits, misses, e.reuse)
		}
		if e.reuse && (len(got) == 0 || &got[0] != &last[0]) {
			t.Errorf("%s: the sitemap was built again, not reused", e.name)
		}
		if n := m.table.Len(); n != 1 {
			t.Errorf("%s: memo holds %d sitemaps, want 1", e.name, n)
		}
		last = got
	}
}
