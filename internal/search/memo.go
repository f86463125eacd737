package search

import (
	"slices"
	"sync"

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
// changed (entries encoded by the old one are then not reused).
func (m *Memo) Encoder(lang string) *Encoder {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.enc == nil || m.enc.Lang() != lang {
		m.enc = NewEncoder(lang)
	}
	return m.enc
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

// sameSection reports whether a and b are the same section.
func sameSection(a, b outline.Section) bool {
	return a.Level == b.Level && a.ID == b.ID && a.Title == b.Title && a.Text == b.Text && slices.Equal(a.Code, b.Code)
}
