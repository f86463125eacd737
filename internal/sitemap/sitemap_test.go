package sitemap

import (
	"testing"
	"time"

	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/minify"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

const (
	head = `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`
	tail = "\n</urlset>\n"
)

func TestFile(t *testing.T) {
	t.Parallel()
	a := func() *layout.Page { return &layout.Page{Permalink: "https://example.org/a/"} }
	tests := []struct {
		name  string
		pages func() []*layout.Page
		want  string
	}{
		{"EmptySite", func() []*layout.Page { return nil }, head + "</urlset>\n"},
		{"NoDateNoLastmod", func() []*layout.Page { return []*layout.Page{a()} },
			head + "\n  <url>\n    <loc>https://example.org/a/</loc>\n  </url>" + tail},
		{"DateWhenNoLastmod", func() []*layout.Page {
			p := a()
			p.Date = day("2024-01-02")
			return []*layout.Page{p}
		}, head + "\n  <url>\n    <loc>https://example.org/a/</loc>\n    <lastmod>2024-01-02</lastmod>\n  </url>" + tail},
		{"LastmodOverDate", func() []*layout.Page {
			p := a()
			p.Date, p.Lastmod = day("2024-01-02"), day("2025-05-06")
			return []*layout.Page{p}
		}, head + "\n  <url>\n    <loc>https://example.org/a/</loc>\n    <lastmod>2025-05-06</lastmod>\n  </url>" + tail},
		{"DraftsLeftOut", func() []*layout.Page {
			d := &layout.Page{Permalink: "https://example.org/wip/", Draft: true}
			return []*layout.Page{d, a()}
		}, head + "\n  <url>\n    <loc>https://example.org/a/</loc>\n  </url>" + tail},
		{"UnindexedLeftOut", func() []*layout.Page {
			u := &layout.Page{Permalink: "https://example.org/api/", Unindexed: true}
			return []*layout.Page{u, a()}
		}, head + "\n  <url>\n    <loc>https://example.org/a/</loc>\n  </url>" + tail},
		{"ReadingOrderKept", func() []*layout.Page {
			return []*layout.Page{{Permalink: "https://example.org/z/"}, a()}
		}, head + "\n  <url>\n    <loc>https://example.org/z/</loc>\n  </url>\n  <url>\n    <loc>https://example.org/a/</loc>\n  </url>" + tail},
		{"LocEscaped", func() []*layout.Page {
			return []*layout.Page{{Permalink: "https://example.org/?a=1&b=2"}}
		}, head + "\n  <url>\n    <loc>https://example.org/?a=1&amp;b=2</loc>\n  </url>" + tail},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := File(tt.pages(), nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("File = \n%s\nwant\n%s", got, tt.want)
			}
			// Through a Memo, on its first build, and minified: the same sitemap.
			var m Memo
			if got, err := File(tt.pages(), nil, &m); err != nil || string(got) != tt.want {
				t.Errorf("File with a Memo = \n%s, %v\nwant\n%s", got, err, tt.want)
			}
			min := minify.New()
			want, err := min.File("sitemap.xml", []byte(tt.want))
			if err != nil {
				t.Fatal(err)
			}
			if got, err := File(tt.pages(), min, nil); err != nil || string(got) != string(want) {
				t.Errorf("File minified = \n%s, %v\nwant\n%s", got, err, want)
			}
		})
	}
}

func TestDate(t *testing.T) {
	t.Parallel()
	d, l := day("2024-01-02"), day("2025-05-06")
	tests := []struct {
		name          string
		lastmod, date time.Time
		want          time.Time
	}{
		{"LastmodWins", l, d, l},
		{"DateWithoutLastmod", time.Time{}, d, d},
		{"LastmodWithoutDate", l, time.Time{}, l},
		{"NeitherIsZero", time.Time{}, time.Time{}, time.Time{}},
	}
	for _, tt := range tests {
		if got := Date(tt.lastmod, tt.date); !got.Equal(tt.want) {
			t.Errorf("%s: Date(%v, %v) = %v, want %v", tt.name, tt.lastmod, tt.date, got, tt.want)
		}
	}
}

func TestRobots(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, url, want string
	}{
		{"AbsoluteURLNamed", "https://example.org/docs/sitemap.xml",
			"User-agent: *\nAllow: /\nSitemap: https://example.org/docs/sitemap.xml\n"},
		{"RelativeURLLeftOut", "/docs/sitemap.xml", "User-agent: *\nAllow: /\n"},
	}
	for _, tt := range tests {
		if got := string(Robots(tt.url)); got != tt.want {
			t.Errorf("%s: Robots(%q) = %q, want %q", tt.name, tt.url, got, tt.want)
		}
	}
	// A multilingual site's names every language's sitemap, in order.
	got := string(Robots("https://example.org/en/sitemap.xml", "/de/sitemap.xml", "https://example.org/fr/sitemap.xml"))
	want := "User-agent: *\nAllow: /\nSitemap: https://example.org/en/sitemap.xml\nSitemap: https://example.org/fr/sitemap.xml\n"
	if got != want {
		t.Errorf("Robots of three sitemaps = %q, want %q", got, want)
	}
}

func TestIndex(t *testing.T) {
	t.Parallel()
	got := string(Index([]string{"https://example.org/en/sitemap.xml", "https://example.org/de/sitemap.xml?a=1&b=2"}))
	want := `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` +
		`<sitemap><loc>https://example.org/en/sitemap.xml</loc></sitemap>` +
		`<sitemap><loc>https://example.org/de/sitemap.xml?a=1&amp;b=2</loc></sitemap></sitemapindex>` + "\n"
	if got != want {
		t.Errorf("Index = %q, want %q", got, want)
	}
}
