package site

import (
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/memo"
	"github.com/quire-docs/quire/internal/render"
	"github.com/quire-docs/quire/internal/shortcode"
)

// linksFingerprint identifies what links resolves to: two Links with one
// fingerprint resolve every link the same way.
func linksFingerprint(seeds *memo.Seeds, links *render.Links) memo.Key {
	h := seeds.Hasher()
	h.Str(links.Base())
	for _, e := range links.Index().Entries() {
		h.Num(int64(e.Form))
		h.Str(e.Name)
		h.Str(e.URL)
	}
	return h.Sum()
}

// newRenderer returns the build's renderer of the pages of tree.
func (b *builder) newRenderer(tree *content.Site, sc *shortcode.Set) *render.Renderer {
	opts := render.Options{
		Config:     b.cfg,
		Markdown:   b.md,
		Shortcodes: sc,
		Links:      b.links,
		Tree:       tree,
		Site:       b.site,
	}
	if c := b.opts.Cache; c != nil {
		opts.Cached = b.cachedMarkdown
		opts.Hash = func(html string) render.ID {
			h := c.seeds.Hasher()
			h.Str(html)
			return render.ID(h.Sum())
		}
	}
	return render.New(opts)
}
