package search

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"slices"
	"strings"

	"github.com/quire-docs/quire/internal/outline"
	"github.com/quire-docs/quire/internal/publish"
)

// Field weights: what a term in a heading and in the page title adds to
// a section's score, in units of the most its text can give (BM25's
// saturation, k1+1). Text saturates; a heading or title either has the
// term or not.
const (
	weightHeading = 1.5
	weightTitle   = 2.5
)

// A term's frequency in a section is kept as text<<2 | heading<<1 | title:
// how often it is in the text (in halves: a word in code or a table
// counts one, in prose two), and whether it is in the heading and (for the
// first section) the page title.
const (
	inTitle   = 1
	inHeading = 2
	textShift = 2
	maxText   = 1<<14 - 1

	inProse = 4 // fields of add, not bits of a frequency
	inCode  = 8
)

// Encoder encodes pages for Join with one site's language. It remembers
// the term of every word it has seen, so one Encoder should serve a whole
// build (or many). It is safe for concurrent use.
type Encoder struct{ st *stemmer }

// NewEncoder returns an Encoder for lang, as Lang returns it.
func NewEncoder(lang string) *Encoder { return &Encoder{st: &stemmer{lang: lang}} }

// Lang is the language e stems in.
func (e *Encoder) Lang() string { return e.st.lang }

// Entry is one page's part of the index, encoded by Encoder.Encode. It
// depends only on the page, not on its place in the index, so a caller may
// keep it between builds of a site for as long as the page's URL, title and
// sections stay the same, and Join the index from entries anew each time.
type Entry struct {
	frag  []byte // the page's fragment: `{"u":URL,"t":TITLE,"s":[[ID,HEADING,TEXT],…]}`
	name  string // the fragment's file name: fingerprint(frag, 8)
	terms []byte // per section: length, term count, then (term, weighted frequency) pairs, as uvarints and bytes
	nsec  int
}

// Excluded reports whether e is the entry of a page left out of the index.
func (e Entry) Excluded() bool { return e.name == "" }

// Fragment is the file of the index that holds e's page, as Files names
// it, so a build may write it as soon as the page is encoded; ok is false
// for an excluded entry.
func (e Entry) Fragment() (f publish.File, ok bool) {
	if e.Excluded() {
		return publish.File{}, false
	}
	return publish.File{Path: fragmentPath(e.name), Data: e.frag, Source: Source}, true
}

// Sent returns e without its fragment's bytes, for a caller that has
// written Fragment's file already: the fragment is most of an entry's
// size, and Join lists its file still, with no Data.
func (e Entry) Sent() Entry {
	e.frag = nil
	return e
}

// fragmentPath is the path of the fragment file named name.
func fragmentPath(name string) string { return Dir + "f-" + name + ".json" }

// sections are the sections of p the index holds: the first (the text
// before the first heading, which carries the page title) and every other
// one with a heading or text.
func sections(p Page) []Section {
	var out []Section
	for i, s := range p.Sections {
		if i > 0 && s.Title == "" && s.Text == "" {
			continue
		}
		t := cut(s.Text, MaxText)
		var code []outline.Span
		for _, c := range s.Code {
			if c.Start < len(t) {
				code = append(code, outline.Span{Start: c.Start, End: min(c.End, len(t))})
			}
		}
		out = append(out, Section{ID: s.ID, Title: s.Title, Text: t, Code: code})
	}
	if len(out) == 0 {
		out = []Section{{}}
	}
	return out
}

// Section is what the index keeps of one section of a page.
type Section struct {
	ID, Title, Text string
	Code            []outline.Span // code blocks and tables in Text
}

// Encode encodes page p for Join; a page with Exclude set gives an entry
// Join leaves out.
func (e *Encoder) Encode(p Page) Entry {
	if p.Exclude {
		return Entry{}
	}
	secs := sections(p)
	var ent Entry
	ent.nsec = len(secs)

	rows := make([][]any, len(secs))
	for i, s := range secs {
		rows[i] = []any{s.ID, s.Title, s.Text}
		if len(s.Code) > 0 {
			rows[i] = append(rows[i], utf16Spans(s.Text, s.Code))
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// Fragments are fetched as JSON, never inlined into HTML: no need for
	// \u003c escapes, which only make them bigger.
	enc.SetEscapeHTML(false)
	_ = enc.Encode(struct {
		U string  `json:"u"`
		T string  `json:"t"`
		S [][]any `json:"s"`
	}{p.URL, p.Title, rows}) // cannot fail for strings
	ent.frag = bytes.Clone(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	ent.name = fingerprint(ent.frag, 8)

	freq := map[string]int{}
	var order []string
	terms := e.st.terms()
	defer e.st.done(terms)
	for i, s := range secs {
		clear(freq)
		order = order[:0]
		n := 0
		add := func(text string, field int) {
			each := func(t string) {
				f, ok := freq[t]
				if !ok {
					order = append(order, t)
				}
				switch field {
				case inProse, inCode:
					n++
					units := 2 // a word in code counts half a word of prose
					if field == inCode {
						units = 1
					}
					freq[t] = min(f>>textShift+units, maxText)<<textShift | f&(inTitle|inHeading)
				default:
					freq[t] = f | field
				}
			}
			Tokens(Fold(text), func(tok string, word bool) {
				if !word {
					each(tok)
				} else if t := terms.term(e.st, tok); t != "" {
					each(t)
				}
			})
			// Words in camelCase are also indexed by their parts, so
			// "base url" finds baseURL.
			camelParts(text, func(part string) {
				if t := terms.term(e.st, part); t != "" {
					each(t)
				}
			})
		}
		if i == 0 {
			add(p.Title, inTitle)
		}
		add(s.Title, inHeading)
		if s.Title != "" {
			n += strings.Count(s.Title, " ") + 1
		}
		at := 0
		for _, c := range s.Code {
			add(s.Text[at:c.Start], inProse)
			add(s.Text[c.Start:c.End], inCode)
			at = c.End
		}
		add(s.Text[at:], inProse)
		slices.Sort(order)
		ent.terms = binary.AppendUvarint(ent.terms, uint64(n))
		ent.terms = binary.AppendUvarint(ent.terms, uint64(len(order)))
		for _, t := range order {
			ent.terms = binary.AppendUvarint(ent.terms, uint64(len(t)))
			ent.terms = append(ent.terms, t...)
			ent.terms = binary.AppendUvarint(ent.terms, uint64(freq[t]))
		}
	}
	ent.terms = slices.Clip(ent.terms)
	return ent
}

// each calls f with every section of e: its number in the page, its length
// in tokens, and its terms with their weighted frequencies.
func (e Entry) each(f func(sec, length int, term []byte, freq int)) {
	b := e.terms
	next := func() int {
		v, n := binary.Uvarint(b)
		b = b[n:]
		return int(v)
	}
	for sec := 0; len(b) > 0; sec++ {
		length, count := next(), next()
		for range count {
			l := next()
			term := b[:l]
			b = b[l:]
			f(sec, length, term, next())
		}
		if count == 0 {
			f(sec, length, nil, 0)
		}
	}
}

// camelParts calls f with the folded parts of each ASCII word of s in
// camelCase ("baseURL": "base", "url"; "publishDir": "publish", "dir").
func camelParts(s string, f func(part string)) {
	isLower := func(c byte) bool { return c >= 'a' && c <= 'z' }
	isUpper := func(c byte) bool { return c >= 'A' && c <= 'Z' }
	for i := 0; i < len(s); {
		if !isLower(s[i]) && !isUpper(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && (isLower(s[j]) || isUpper(s[j])) {
			j++
		}
		word, start := s[i:j], 0
		if j-i <= MaxTerm && (j == len(s) || s[j] < 0x80) && (i == 0 || s[i-1] < 0x80) {
			for k := 1; k < len(word); k++ {
				if isLower(word[k-1]) && isUpper(word[k]) {
					f(strings.ToLower(word[start:k]))
					start = k
				}
			}
			if start > 0 {
				f(strings.ToLower(word[start:]))
			}
		}
		i = j
	}
}

// Terms returns the index terms of text, in order, as the theme's script
// finds them in a query: folded tokens, stemmed, less stop words (no
// camelCase parts, which only pages are indexed by).
func (e *Encoder) Terms(text string) []string {
	var out []string
	Tokens(Fold(text), func(tok string, word bool) {
		if !word {
			out = append(out, tok)
		} else if t := e.st.term(tok); t != "" {
			out = append(out, t)
		}
	})
	return out
}

// utf16Spans returns spans of text as a flat list of offsets in UTF-16
// code units, as the theme's script indexes strings.
func utf16Spans(text string, spans []outline.Span) []int {
	out := make([]int, 0, 2*len(spans))
	at, u := 0, 0
	conv := func(b int) int {
		for _, r := range text[at:b] {
			u++
			if r >= 0x10000 {
				u++
			}
		}
		at = b
		return u
	}
	for _, s := range spans {
		out = append(out, conv(s.Start), conv(s.End))
	}
	return out
}
