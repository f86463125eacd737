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

// searchMemo is the Cache's memo of the search index's entries, nil in a
// build without a Cache.
func (b *builder) searchMemo() *search.Memo {
	if b.opts.Cache == nil {
		return nil
	}
	return &b.opts.Cache.steps.search
}

// searchEncoder returns the build's search encoder: the Cache's, which
// remembers word stems between builds, or one of the build's own.
func (b *builder) searchEncoder() *search.Encoder {
	b.search.once.Do(func() {
		b.search.enc = b.searchMemo().Encoder(search.Lang(b.cfg.LanguageCode))
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
// pages' outlines through the Cache's memo (search.Entries).
func (b *builder) addSearchIndex() {
	es := search.Entries(b.pages.entries, b.site.Pages, b.pages.outlines, b.searchMemo(), b.searchEncoder())
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

// quickSearchEntries are addSearchIndex's entries after a quick rebuild
// of the pages changed: the last build's entries with theirs encoded
// again.
func (b *builder) quickSearchEntries(changed []int) []search.Entry {
	es := slices.Clone(b.snap.searchEs)
	for _, i := range changed {
		es[i] = b.searchEntry(b.site.Pages[i], b.pages.outlines[i].Sections)
	}
	b.snap.searchEs = es
	return es
}
