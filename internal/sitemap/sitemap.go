// Package sitemap writes a site's sitemap.xml and robots.txt, and the
// sitemap index of a multilingual site.
package sitemap

import (
	"encoding/xml"
	"time"

	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/minify"
)

// name is the sitemap's file name, which minification and its errors go by.
const name = "sitemap.xml"

// entry is one <url> of the sitemap: exactly what it shows of a page.
type entry struct {
	Loc     string `xml:"loc"`
	Lastmod string `xml:"lastmod,omitempty"`
}

// entries lists every published, non-draft page of pages, in their order,
// but those whose build options leave them out (Unindexed).
func entries(pages []*layout.Page) []entry {
	es := make([]entry, 0, len(pages))
	for _, p := range pages {
		if p.Draft || p.Unindexed {
			continue
		}
		e := entry{Loc: p.Permalink}
		if t := Date(p.Lastmod, p.Date); !t.IsZero() {
			e.Lastmod = t.Format("2006-01-02")
		}
		es = append(es, e)
	}
	return es
}

// encode returns the sitemap of es, unminified.
func encode(es []entry) []byte {
	type urlset struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		URLs    []entry  `xml:"url"`
	}
	out, err := xml.MarshalIndent(urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", URLs: es}, "", "  ")
	if err != nil {
		return nil // cannot happen for these types
	}
	return append([]byte(xml.Header), append(out, '\n')...)
}

// File returns sitemap.xml of pages (a site's pages in reading order):
// every published, non-draft page with its permalink and, when it has
// one, its date (Date). It is minified with min unless min is nil. With a
// Memo, the bytes of the last call are reused when the pages listed and
// their dates are the same; m may be nil.
func File(pages []*layout.Page, min *minify.Minifier, m *Memo) ([]byte, error) {
	es := entries(pages)
	if m == nil {
		return build(es, min)
	}
	return m.file(es, min)
}

// build encodes es and minifies the result with min, unless min is nil.
func build(es []entry, min *minify.Minifier) ([]byte, error) {
	data := encode(es)
	if min == nil {
		return data, nil
	}
	return min.File(name, data)
}

// Date is the time a page's <lastmod> shows: its lastmod, else its date;
// zero for none.
func Date(lastmod, date time.Time) time.Time {
	if !lastmod.IsZero() {
		return lastmod
	}
	return date
}
