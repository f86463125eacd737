package site

import (
	"slices"
	"sync"

	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/outline"
	"github.com/quire-docs/quire/internal/publish"
	"github.com/quire-docs/quire/internal/render"
	"github.com/quire-docs/quire/internal/search"
	"github.com/quire-docs/quire/internal/sitemap"
)

// stepMemo is what the steps of Build after rendering keep in a Cache
// between builds.
type stepMemo struct {
	search  search.Memo
	sitemap sitemap.Memo
	mdLinks render.LinkMemo
	valid   publish.Validator
}

// searchState is the build's search encoder, made when first asked for.
type searchState struct {
	once sync.Once
	enc  *search.Encoder
}

// searchEncoder returns the build's search encoder: the Cache's, which
// remembers word stems between builds, or one of the build's own.
func (b *builder) searchEncoder() *search.Encoder {
	b.search.once.Do(func() {
		lang := search.Lang(b.cfg.LanguageCode)
		if b.opts.Cache != nil {
			b.search.enc = b.opts.Cache.steps.search.Encoder(lang)
		} else {
			b.search.enc = search.NewEncoder(lang)
		}
	})
	return b.search.enc
}

// searchEntry encodes page v's entry of the search index.
func (b *builder) searchEntry(v *layout.Page, secs []outline.Section) search.Entry {
	return b.searchEncoder().Encode(search.PageOf(v, secs))
}

// addSearchIndex writes the search index of every page built, in reading
// order (drafts are in it only when they are built, with --drafts): from
// the entries renderPages encoded, or, in a build with a Cache, from the
// pages' outlines through the Cache's memo.
func (b *builder) addSearchIndex() {
	es := b.searchEntries()
	if b.opts.Cache != nil {
		b.snap.searchEs = es // for a quick rebuild
	}
	for _, f := range b.searchFiles(es) {
		b.out.Add(publish.Real, f)
	}
}

// searchFiles are the index's files joined from es (search.Files).
func (b *builder) searchFiles(es []search.Entry) []publish.File {
	return search.Files(es, b.searchEncoder().Lang())
}

// quickSearchEntries are searchEntries after a quick rebuild of the pages
// changed: the last build's entries with theirs encoded again.
func (b *builder) quickSearchEntries(changed []int) []search.Entry {
	es := slices.Clone(b.snap.searchEs)
	for _, i := range changed {
		es[i] = b.searchEntry(b.site.Pages[i], b.pages.outlines[i].Sections)
	}
	b.snap.searchEs = es
	return es
}

// searchEntries are the search index's entries of every page built.
func (b *builder) searchEntries() []search.Entry {
	if b.pages.entries != nil {
		// Encoded page by page as they were rendered (a build without a Cache).
		n := min(len(b.site.Pages), len(b.pages.entries))
		return b.pages.entries[:n]
	}
	pages := make([]search.Page, 0, len(b.site.Pages))
	for i, v := range b.site.Pages {
		if i >= len(b.pages.outlines) {
			break
		}
		pages = append(pages, search.PageOf(v, b.pages.outlines[i].Sections))
	}
	var m *search.Memo
	if b.opts.Cache != nil {
		m = &b.opts.Cache.steps.search
	}
	return m.Encode(b.searchEncoder(), pages)
}
