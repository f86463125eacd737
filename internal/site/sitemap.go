package site

import (
	"slices"
	"sync"
	"time"
)

// sitemapMemo keeps the last build's sitemap.xml (in a Cache): a rebuild
// in which no published page's permalink or date changed reuses it
// instead of encoding and minifying an entry per page again.
type sitemapMemo struct {
	mu    sync.Mutex
	locs  []string
	dates []time.Time
	min   bool // minified
	data  []byte
}

// sitemapFile returns sitemap.xml, minified when minification is on,
// from the Cache when the pages it lists are the same as last time.
func (b *builder) sitemapFile() ([]byte, error) {
	var m *sitemapMemo
	if b.opts.Cache != nil {
		m = &b.opts.Cache.steps.sitemap
	}
	if m == nil {
		return b.minifyFile("sitemap.xml", b.sitemap())
	}
	var locs []string
	var dates []time.Time
	for _, p := range b.site.Pages {
		if !p.Draft {
			locs = append(locs, p.Permalink)
			dates = append(dates, sitemapDate(p.Lastmod, p.Date))
		}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	// time.Time == is stricter than the date written: at worst a
	// sitemap is built again for nothing.
	if m.data != nil && m.min == (b.min != nil) && slices.Equal(m.locs, locs) && slices.Equal(m.dates, dates) {
		return m.data, nil
	}
	data, err := b.minifyFile("sitemap.xml", b.sitemap())
	if err != nil {
		return nil, err
	}
	m.locs, m.dates, m.min, m.data = locs, dates, b.min != nil, data
	return data, nil
}

// sitemapDate is the time a page's <lastmod> shows: its lastmod, else
// its date; zero for none.
func sitemapDate(lastmod, date time.Time) time.Time {
	if !lastmod.IsZero() {
		return lastmod
	}
	return date
}
