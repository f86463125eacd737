package render

import (
	"bytes"
	"slices"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/linkcheck"
	"github.com/quire-docs/quire/internal/markdown"
	"github.com/quire-docs/quire/internal/memo"
	"github.com/quire-docs/quire/internal/pos"
)

// LinkPositions converts the markdown links of page p, whose body is src, to
// file positions. Links come in document order, so one pos.Cursor finds
// every link's line and character column in one pass over the body,
// however many links share a line.
func LinkPositions(p *content.Page, src []byte, links []markdown.Link) []linkcheck.MarkdownLink {
	out := make([]linkcheck.MarkdownLink, len(links))
	var at *pos.Cursor
	for i, l := range links {
		out[i] = linkcheck.MarkdownLink{Dest: l.Dest, URL: l.URL}
		if l.Pos.Line <= 0 {
			continue
		}
		if at == nil {
			at = pos.NewAt(src, p.BodyLine).Cursor()
		}
		out[i].Line = p.BodyLine + l.Pos.Line - 1
		out[i].Column = at.CharCol(out[i].Line, l.Pos.Col)
	}
	return out
}

// LinkMemo keeps each page's markdown links with their file positions
// (LinkPositions) between builds (quire serve's), by source file: a page whose body
// and links are those of the last build (equal, which is quick when they
// are the very same slices, as the caches of content and markdown hand
// them out) reuses them. A build begins and commits a generation, so
// entries of pages not in the last build are dropped.
type LinkMemo struct {
	t memo.Table[string, *linkMemoEntry]
}

type linkMemoEntry struct {
	body     []byte
	bodyLine int
	links    []markdown.Link
	out      []linkcheck.MarkdownLink
}

// Begin starts a build's generation.
func (m *LinkMemo) Begin() { m.t.Begin() }

// Commit makes the entries of this build the ones the next build reuses.
func (m *LinkMemo) Commit() { m.t.Commit() }

// Get returns LinkPositions(p, src, links), from m when it can; m may be nil.
func (m *LinkMemo) Get(p *content.Page, src []byte, links []markdown.Link) []linkcheck.MarkdownLink {
	if m == nil {
		return LinkPositions(p, src, links)
	}
	e, _ := m.t.Peek(p.File)
	if e == nil || e.bodyLine != p.BodyLine || !bytes.Equal(e.body, src) || !sameLinks(e.links, links) {
		e = &linkMemoEntry{bodyLine: p.BodyLine, out: LinkPositions(p, src, links)}
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
