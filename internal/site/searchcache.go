package site

import (
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

// searchMemo is the Cache's memo of the search index's entries, nil in a
// build without a Cache. It also keeps the Cache's search.Encoder, which
// remembers word stems between builds (builder.searchEncoder).
func (b *builder) searchMemo() *search.Memo {
	if b.opts.Cache == nil {
		return nil
	}
	return &b.opts.Cache.steps.search
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
	for _, f := range search.Files(es, b.searchEncoder().Lang()) {
		b.out.Add(publish.Real, f)
	}
}
