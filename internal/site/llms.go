package site

import (
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/llms"
	"github.com/quire-docs/quire/internal/publish"
)

// Docs for machines ([llms] enable, on by default; package llms): each
// page's markdown twin is made in the render loop, llms.txt and
// llms-full.txt once every page is rendered.

// twin returns the markdown twin of page p, whose view is v, or nil when
// it has none: its links resolved as in its HTML.
func (b *builder) twin(p *content.Page, v *layout.Page, md []byte) []byte {
	return llms.PageTwin(p, v, md, func(dest string) (string, bool) { return b.render.Links().Resolve(p, dest) })
}

// addLLMs adds every page's twin, llms.txt and llms-full.txt. Each
// yields to a file of the site's own at its path.
func (b *builder) addLLMs(tree *content.Site) {
	if b.pages.twins == nil {
		return
	}
	for _, f := range llms.Files(b.cfg, tree, b.site.Pages, b.pages.twins) {
		b.out.Add(publish.Generated, f)
	}
}

// quickLLMs replaces, in files, the twins of the pages rendered again,
// and returns llms-full.txt as made when first asked for (nil when the
// site has none of quire's making): its entry in files, kept for the link
// check, holds the last full build's text, and the caller serves the
// deferred one instead (publish.Deferred.Owns).
func (b *builder) quickLLMs(tree *content.Site, files []publish.File, again []int) *publish.Deferred {
	if b.pages.twins == nil {
		return nil
	}
	llms.ReplaceTwins(files, tree, b.pages.twins, again)
	return llms.DeferredFull(files, b.cfg, tree, b.site.Pages, b.pages.twins)
}
