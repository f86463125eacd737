package site

import (
	"slices"
	"strings"
	"sync"

	"github.com/quire-docs/quire/internal/layout"
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
// (in a Cache), so a rebuild encodes only the pages whose URL, title,
// sections or exclusion changed and joins the index from the rest. An
// entry is reused only when the page's title and sections equal the ones
// it was encoded from (strings shared with the last build compare in
// constant time); entries of pages not in the last build are dropped. It
// also keeps the encoder, whose cache of word stems serves every build.
type searchMemo struct {
	mu      sync.Mutex
	enc     *search.Encoder
	entries map[string]*searchEntry // by page URL
}

type searchEntry struct {
	title    string
	sections []outline.Section
	exclude  bool
	enc      search.Entry
}

// encoder returns m's encoder for lang, made anew when the language
// changed.
func (m *searchMemo) encoder(lang string) *search.Encoder {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.enc == nil || m.enc.Lang() != lang {
		m.enc, m.entries = search.NewEncoder(lang), nil
	}
	return m.enc
}

// encode returns the entries of pages, in order, from m where they are
// unchanged; m may be nil, and then enc encodes every page.
func (m *searchMemo) encode(enc *search.Encoder, pages []search.Page) []search.Entry {
	es := make([]search.Entry, len(pages))
	if m == nil {
		for i, p := range pages {
			es[i] = enc.Encode(p)
		}
		return es
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	next := make(map[string]*searchEntry, len(pages))
	for i, p := range pages {
		e := m.entries[p.URL]
		if e == nil || e.title != p.Title || e.exclude != p.Exclude || !slices.EqualFunc(e.sections, p.Sections, sameSection) {
			e = &searchEntry{title: p.Title, sections: p.Sections, exclude: p.Exclude, enc: enc.Encode(p)}
		}
		next[p.URL] = e
		es[i] = e.enc
	}
	m.entries = next
	return es
}

// sameSection reports whether a and b are the same section.
func sameSection(a, b outline.Section) bool {
	return a.Level == b.Level && a.ID == b.ID && a.Title == b.Title && a.Text == b.Text && slices.Equal(a.Code, b.Code)
}

// searchEncoder returns the build's search encoder: the Cache's, which
// remembers word stems between builds, or one of the build's own.
func (b *builder) searchEncoder() *search.Encoder {
	b.searchOnce.Do(func() {
		lang := search.Lang(b.cfg.LanguageCode)
		if b.opts.Cache != nil {
			b.searchEnc = b.opts.Cache.steps.search.encoder(lang)
		} else {
			b.searchEnc = search.NewEncoder(lang)
		}
	})
	return b.searchEnc
}

// searchPage is what the search index takes of page v with sections secs.
// Front matter noindex or exclude_search set to true leaves the page out.
func searchPage(v *layout.Page, secs []outline.Section) search.Page {
	return search.Page{URL: v.RelPermalink, Title: v.Title, Sections: secs,
		Exclude: truthy(v.Params["noindex"]) || truthy(v.Params["exclude_search"])}
}

// truthy reports whether a front matter value is true or "true".
func truthy(v any) bool {
	switch v := v.(type) {
	case bool:
		return v
	case string:
		return strings.EqualFold(strings.TrimSpace(v), "true")
	}
	return false
}

// searchEntry encodes page v's entry of the search index.
func (b *builder) searchEntry(v *layout.Page, secs []outline.Section) search.Entry {
	return b.searchEncoder().Encode(searchPage(v, secs))
}

// addSearchIndex writes the search index of every page built, in reading
// order (drafts are in it only when they are built, with --drafts): from
// the entries renderPages encoded, or, in a build with a Cache, from the
// pages' outlines through the Cache's memo.
func (b *builder) addSearchIndex() {
	es := b.searchEntries()
	if b.opts.Cache != nil {
		b.searchEs = es // for a quick rebuild
	}
	for _, f := range b.searchFiles(es) {
		b.out.Add(publish.Real, f)
	}
}

// searchFiles are the files of the index joined from es: the manifest at
// searchIndexPath and the shards, page tables and fragments under
// search.Dir.
func (b *builder) searchFiles(es []search.Entry) []publish.File {
	ix := search.Join(es, b.searchEncoder().Lang())
	files := make([]publish.File, 0, len(ix.Files)+1)
	files = append(files, publish.File{Path: searchIndexPath, Data: ix.Manifest, Source: "the search index"})
	for _, f := range ix.Files {
		files = append(files, publish.File{Path: f.Path, Data: f.Data, Source: "the search index"})
	}
	slices.SortFunc(files, func(a, c publish.File) int { return strings.Compare(a.Path, c.Path) })
	return files
}

// isSearchFile reports whether path is one of the search index's files.
func isSearchFile(path string) bool {
	return path == searchIndexPath || strings.HasPrefix(path, search.Dir)
}

// quickSearchEntries are searchEntries after a quick rebuild of the pages
// changed: the last build's entries with theirs encoded again.
func (b *builder) quickSearchEntries(changed []int) []search.Entry {
	es := slices.Clone(b.searchEs)
	for _, i := range changed {
		es[i] = b.searchEntry(b.site.Pages[i], b.outlines[i].Sections)
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
		pages = append(pages, searchPage(v, b.outlines[i].Sections))
	}
	var memo *searchMemo
	if b.opts.Cache != nil {
		memo = &b.opts.Cache.steps.search
	}
	return memo.encode(b.searchEncoder(), pages)
}
