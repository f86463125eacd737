package site

import (
	"bytes"
	"slices"
	"strconv"
	"sync"

	"github.com/quire-docs/quire/internal/minify"
	"github.com/quire-docs/quire/internal/outline"
	"github.com/quire-docs/quire/internal/publish"
	"github.com/quire-docs/quire/internal/search"
)

// stepMemo is what the steps of Build after rendering keep in a Cache
// between builds.
type stepMemo struct {
	search  searchMemo
	sitemap sitemapMemo
	mdLinks mdLinksMemo
	valid   validMemo
}

// searchMemo keeps every page's encoded search index entry between builds
// (in a Cache), so a rebuild encodes only the pages whose URL, title or
// sections changed and joins the index from the rest. An entry is reused
// only when the page's title and sections equal the ones it was encoded
// from (strings shared with the last build compare in constant time);
// entries of pages not in the last build are dropped.
type searchMemo struct {
	mu      sync.Mutex
	entries map[string]*searchEntry // by page URL
}

type searchEntry struct {
	title    string
	sections []outline.Section
	enc      search.Entry
}

// encode returns the entries of pages, in order, from m where they are
// unchanged; m may be nil.
func (m *searchMemo) encode(pages []search.Page) []search.Entry {
	es := make([]search.Entry, len(pages))
	if m == nil {
		for i, p := range pages {
			es[i] = search.Encode(p)
		}
		return es
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	next := make(map[string]*searchEntry, len(pages))
	for i, p := range pages {
		e := m.entries[p.URL]
		if e == nil || e.title != p.Title || !slices.Equal(e.sections, p.Sections) {
			e = &searchEntry{title: p.Title, sections: p.Sections, enc: search.Encode(p)}
		}
		next[p.URL] = e
		es[i] = e.enc
	}
	m.entries = next
	return es
}

// addSearchIndex writes the search index of every page built, in reading
// order (drafts are in it only when they are built, with --drafts): from
// the entries renderPages encoded, or, in a build with a Cache, from the
// pages' outlines through the Cache's memo.
func (b *builder) addSearchIndex() { b.add(real, b.searchIndexFile()) }

func (b *builder) searchIndexFile() publish.File {
	es := b.searchEntries()
	if b.opts.Cache != nil {
		b.searchEs = es // for a quick rebuild
	}
	return publish.File{Path: searchIndexPath, Data: b.searchIndex(es), Source: "the search index"}
}

// quickSearchEntries are searchEntries after a quick rebuild of the pages
// changed: the last build's entries with theirs encoded again.
func (b *builder) quickSearchEntries(changed []int) []search.Entry {
	es := slices.Clone(b.searchEs)
	for _, i := range changed {
		v := b.site.Pages[i]
		es[i] = search.Encode(search.Page{URL: v.RelPermalink, Title: v.Title, Sections: b.outlines[i].Sections})
	}
	b.searchEs = es
	return es
}

// searchEntries are the search index's entries of every page built.
func (b *builder) searchEntries() []search.Entry {
	if b.entries != nil {
		// Encoded page by page as they were rendered (a build without a Cache).
		n := min(len(b.site.Pages), len(b.entries))
		return b.entries[:n]
	}
	pages := make([]search.Page, 0, len(b.site.Pages))
	for i, v := range b.site.Pages {
		if i >= len(b.outlines) {
			break
		}
		pages = append(pages, search.Page{URL: v.RelPermalink, Title: v.Title, Sections: b.outlines[i].Sections})
	}
	var memo *searchMemo
	if b.opts.Cache != nil {
		memo = &b.opts.Cache.steps.search
	}
	return memo.encode(pages)
}

// searchIndex joins the index from its entries. Minified, it is what the
// JSON minifier makes of the plain index, without minifying megabytes on
// every build: the index is compact JSON whose strings the minifier keeps
// as they are, so only its numbers ("1000" → "1e3") and the final newline
// change (TestSearchIndexMinified checks this).
func (b *builder) searchIndex(es []search.Entry) []byte {
	if b.min == nil {
		return search.Join(es, strconv.Itoa)
	}
	return bytes.TrimSuffix(search.Join(es, minify.Int), []byte("\n"))
}
