package render

import "github.com/quire-docs/quire/internal/content"

// Sources are the page bodies a build reads: each page's Body as loaded,
// but for the pages a quick rebuild was given new bodies for. Sources are
// immutable: With returns new ones, and nothing writes to a content.Page.
type Sources struct {
	edits map[*content.Page][]byte
}

// Body returns page p's body.
func (s Sources) Body(p *content.Page) []byte {
	if b, ok := s.edits[p]; ok {
		return b
	}
	return p.Body
}

// With returns s with the bodies of edits in place of the pages' own.
func (s Sources) With(edits map[*content.Page][]byte) Sources {
	if len(edits) == 0 {
		return s
	}
	n := Sources{edits: make(map[*content.Page][]byte, len(s.edits)+len(edits))}
	for p, b := range s.edits {
		n.edits[p] = b
	}
	for p, b := range edits {
		n.edits[p] = b
	}
	return n
}
