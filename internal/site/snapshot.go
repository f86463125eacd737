package site

import (
	"io/fs"
	"slices"

	"github.com/quire-docs/quire/internal/render"
	"github.com/quire-docs/quire/internal/search"
)

// index makes what a quick rebuild looks pages up by, once per kept
// build: page indexes by source file, and the pages whose templates read
// other pages' bodies.
func (s *snapshot) index(b *builder) {
	if s.byFile != nil {
		return
	}
	s.byFile = make(map[string]int, len(s.tree.Pages))
	for i, p := range s.tree.Pages {
		if !p.Virtual {
			s.byFile[p.File] = i
		}
	}
	for i, v := range b.site.Pages {
		if reads, _ := b.tmpl.ReadsOtherBodies(v); reads {
			s.readers = append(s.readers, i)
		}
	}
}

// next returns the builder of a quick rebuild from b, the last good
// build: it shares what a rebuild only reads (the configuration, the
// templates, the content tree, the links, b's renderer, which it derives
// its own from with render.WithBodies) and copies what it writes (the
// views, each page's results; the page keys it replaces), so b is never
// changed and a
// failed rebuild leaves it as it was.
func (b *builder) next(fsys fs.FS, opts Options) *builder {
	n := &builder{cfg: b.cfg, opts: opts, fsys: fsys, tmpl: b.tmpl, min: b.min,
		render: b.render, site: render.CopySite(b.site), snap: b.snap, res: b.res}
	n.searchEncoder = n.searchMemo().LazyEncoder(search.Lang(n.cfg.LanguageCode))
	n.pages.mdLinks = slices.Clone(b.pages.mdLinks)
	n.pages.outlines = slices.Clone(b.pages.outlines)
	n.pages.parsed = slices.Clone(b.pages.parsed)
	n.pages.lpages = slices.Clone(b.pages.lpages)
	n.pages.twins = slices.Clone(b.pages.twins)
	n.snap.pageDiags = slices.Clone(b.snap.pageDiags)
	return n
}
