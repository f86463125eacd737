package site

import (
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/render"
	"github.com/quire-docs/quire/internal/shortcode"
)

// linksFingerprint identifies what links resolves to: two Links with one
// fingerprint resolve every link the same way.
func linksFingerprint(seeds *keySeeds, links *render.Links) key {
	h := seeds.hasher()
	h.str(links.Base())
	for _, e := range links.Index().Entries() {
		h.num(int64(e.Form))
		h.str(e.Name)
		h.str(e.URL)
	}
	return h.sum()
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
			h := c.seeds.hasher()
			h.str(html)
			return render.ID(h.sum())
		}
	}
	return render.New(opts)
}
