package search

import (
	"slices"
	"sync"

	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/outline"
	"github.com/quire-docs/quire/internal/publish"
)

// A quick rebuild of quire serve renders only the pages whose bodies
// changed (and those that show other pages' bodies): their entries are
// encoded again (Reencode), and the index, which holds every page's text
// (tens of megabytes on a large site) in files named by their content, is
// joined when one of its files is first asked for (Deferred).

// Reencode returns a copy of es, the entries of a site's pages by page
// index, with the entries of the pages at the indexes again encoded anew
// by enc from their views and their outlines' sections (both by page
// index). es itself is not changed.
func Reencode(es []Entry, again []int, views []*layout.Page, outlines []outline.Outline, enc *Encoder) []Entry {
	es = slices.Clone(es)
	for _, i := range again {
		es[i] = enc.Encode(PageOf(views[i], outlines[i].Sections))
	}
	return es
}

// Deferred returns the index's files joined from es in language lang
// (Files) as a set made when one of its files is first asked for, before
// next (nil when there is none). es must not change after.
func Deferred(es []Entry, lang string, next *publish.Deferred) *publish.Deferred {
	return &publish.Deferred{Owns: IsIndexFile, Files: sync.OnceValue(func() []publish.File { return Files(es, lang) }), Next: next}
}
