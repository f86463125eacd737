package search

import (
	"slices"
	"sync"

	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/memo"
	"github.com/quire-docs/quire/internal/outline"
)

// Memo keeps every page's encoded Entry between the builds of one site,
// so a rebuild encodes only the pages whose URL, title, sections or
// exclusion changed and joins the index from the rest. An entry is reused
// only when the page's title and sections equal the ones it was encoded
// from (strings shared with the last build compare in constant time) and
// by the same Encoder; entries of pages not in the last build are dropped.
// It also keeps the Encoder, whose cache of word stems serves every build.
// The zero Memo is empty and ready to use; it is safe for concurrent use.
type Memo struct {
	mu      sync.Mutex // held by Encode for the whole build's generation
	enc     *Encoder
	entries memo.Table[string, *memoEntry] // by page URL
}

// memoEntry is one page's Entry and what it was encoded from.
type memoEntry struct {
	title    string
	sections []outline.Section
	exclude  bool
	by       *Encoder
	e        Entry
}

// Encoder returns m's Encoder for lang, made anew when the language
// changed (entries encoded by the old one are then not reused). m may be
// nil (a build that keeps nothing), and then the Encoder is a new one.
func (m *Memo) Encoder(lang string) *Encoder {
	if m == nil {
		return NewEncoder(lang)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.enc == nil || m.enc.Lang() != lang {
		m.enc = NewEncoder(lang)
	}
	return m.enc
}

// LazyEncoder returns a function that returns m.Encoder(lang), the same
// Encoder every time, asking m on the first call only: a build makes one
// where it starts, and a build that never encodes leaves m as it was. m
// may be nil, and then the Encoder is a new one. The function may be
// called from any goroutine.
func (m *Memo) LazyEncoder(lang string) func() *Encoder {
	return sync.OnceValue(func() *Encoder { return m.Encoder(lang) })
}

// Encode returns the entries of pages, in order, encoded by enc or taken
// from m where the page is unchanged. It is one build of m's table: the
// entries of pages not among pages are dropped. m may be nil, and then
// enc encodes every page.
func (m *Memo) Encode(enc *Encoder, pages []Page) []Entry {
	es := make([]Entry, len(pages))
	if m == nil {
		for i, p := range pages {
			es[i] = enc.Encode(p)
		}
		return es
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.entries.Begin()
	for i, p := range pages {
		e, _ := m.entries.Peek(p.URL)
		if e == nil || e.by != enc || e.title != p.Title || e.exclude != p.Exclude || !slices.EqualFunc(e.sections, p.Sections, sameSection) {
			e = &memoEntry{title: p.Title, sections: p.Sections, exclude: p.Exclude, by: enc, e: enc.Encode(p)}
		}
		m.entries.Put(p.URL, e)
		es[i] = e.e
	}
	m.entries.Commit()
	return es
}

// Entries returns the index's entries of the pages whose views are
// views, in order. encoded, when not nil, holds them already, encoded
// page by page as the pages were rendered (a build without a Memo);
// else each page's is encoded by enc from its view and its outline's
// sections (outlines, by page index), through m, which may be nil. The
// pages past the end of encoded or outlines have none.
func Entries(encoded []Entry, views []*layout.Page, outlines []outline.Outline, m *Memo, enc *Encoder) []Entry {
	if encoded != nil {
		return encoded[:min(len(views), len(encoded))]
	}
	pages := make([]Page, 0, len(views))
	for i, v := range views {
		if i >= len(outlines) {
			break
		}
		pages = append(pages, PageOf(v, outlines[i].Sections))
	}
	return m.Encode(enc, pages)
}

// sameSection reports whether a and b are the same section.
func sameSection(a, b outline.Section) bool {
	return a.Level == b.Level && a.ID == b.ID && a.Title == b.Title && a.Text == b.Text && slices.Equal(a.Code, b.Code)
}
