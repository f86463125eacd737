package site

import (
	"bytes"
	"slices"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/linkcheck"
	"github.com/quire-docs/quire/internal/markdown"
	"github.com/quire-docs/quire/internal/memo"
)

// mdLinksMemo keeps each page's markdown links with their file positions
// (mdLinks) between builds, in a Cache, by source file: a page whose body
// and links are those of the last build (equal, which is quick when they
// are the very same slices, as the caches of content and markdown hand
// them out) reuses them. A build begins and commits a generation, so
// entries of pages not in the last build are dropped.
type mdLinksMemo struct {
	t memo.Table[string, *mdLinksEntry]
}

type mdLinksEntry struct {
	body     []byte
	bodyLine int
	links    []markdown.Link
	out      []linkcheck.MarkdownLink
}

// begin starts a build's generation.
func (m *mdLinksMemo) begin() { m.t.Begin() }

// commit makes the entries of this build the ones the next build reuses.
func (m *mdLinksMemo) commit() { m.t.Commit() }

// get returns mdLinks(p, src, links), from m when it can; m may be nil.
func (m *mdLinksMemo) get(p *content.Page, src []byte, links []markdown.Link) []linkcheck.MarkdownLink {
	if m == nil {
		return mdLinks(p, src, links)
	}
	e, _ := m.t.Peek(p.File)
	if e == nil || e.bodyLine != p.BodyLine || !bytes.Equal(e.body, src) || !sameLinks(e.links, links) {
		e = &mdLinksEntry{bodyLine: p.BodyLine, out: mdLinks(p, src, links)}
	} else {
		kept := *e
		e = &kept
	}
	// Hold this build's slices: the next build compares with them, at no
	// cost when it is handed the same ones.
	e.body, e.links = src, links
	m.t.Put(p.File, e)
	return e.out
}

// sameLinks reports whether a and b hold equal links; at once when they
// are one slice (the markdown cache's result, never written after).
func sameLinks(a, b []markdown.Link) bool {
	if len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0]) {
		return true
	}
	return slices.Equal(a, b)
}
