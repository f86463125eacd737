// Package toc builds a nested table of contents from a page's headings.
package toc

import (
	"html"
	"html/template"
	"strings"
)

// Heading is one heading of a page body, in document order.
type Heading struct {
	Level int    // 1..6
	ID    string // the id attribute on the heading element
	Text  string // plain text, for the TOC link and search
}

// Options selects the heading levels; 0 means automatic: StartLevel is the
// shallowest level present, EndLevel is StartLevel+2.
type Options struct {
	StartLevel int
	EndLevel   int
	Ordered    bool // <ol> instead of <ul>
}

// Entry is one TOC item with its nested children.
type Entry struct {
	Heading
	Children []*Entry
}

// TOC is a page's table of contents. The zero value (no entries) renders
// as nothing.
type TOC struct {
	Entries []*Entry
	Ordered bool
}

// Build nests the headings within the selected levels. Skipped levels do
// not produce empty wrappers.
//
// A heading is kept when StartLevel ≤ Level ≤ EndLevel and its Text is not
// blank (an entry with no text would be an empty link). A kept heading
// becomes a child of the nearest preceding kept heading with a smaller
// level, else a top-level entry: h2 → h4 nests the h4 directly under the
// h2, and a page that starts deeper (h4, h4, h2) gets the early h4s as
// top-level siblings of the h2. hs is not modified; entries copy headings.
func Build(hs []Heading, opts Options) *TOC {
	start, end := Levels(hs, opts)
	t := &TOC{Ordered: opts.Ordered}
	var stack []*Entry // open entries, levels strictly increasing
	for _, h := range hs {
		if h.Level < start || h.Level > end || strings.TrimSpace(h.Text) == "" {
			continue
		}
		for len(stack) > 0 && stack[len(stack)-1].Level >= h.Level {
			stack = stack[:len(stack)-1]
		}
		e := &Entry{Heading: h}
		if len(stack) == 0 {
			t.Entries = append(t.Entries, e)
		} else {
			p := stack[len(stack)-1]
			p.Children = append(p.Children, e)
		}
		stack = append(stack, e)
	}
	return t
}

// Levels resolves the automatic (0) levels of opts against hs and returns
// the inclusive level range Build keeps. With no headings and no explicit
// StartLevel, the range is empty (start > end).
func Levels(hs []Heading, opts Options) (start, end int) {
	start, end = opts.StartLevel, opts.EndLevel
	if start <= 0 {
		start = 0
		for _, h := range hs {
			if h.Level > 0 && (start == 0 || h.Level < start) {
				start = h.Level
			}
		}
		if start == 0 {
			return 1, 0
		}
	}
	if end <= 0 {
		end = start + 2
	}
	return start, end
}

// Len returns the number of entries at every depth.
func (t *TOC) Len() int {
	if t == nil {
		return 0
	}
	return count(t.Entries)
}

func count(es []*Entry) int {
	n := len(es)
	for _, e := range es {
		n += count(e.Children)
	}
	return n
}

// HTML renders <nav class="toc" aria-label="On this page"> with nested lists,
// or "" when the TOC is empty.
//
// The shape is <nav …><ul><li><a href="#id">Text</a><ul>…</ul></li></ul></nav>
// (<ol> when Ordered); text and ids are HTML-escaped, a child list only
// appears under an entry with children. A nil *TOC renders "".
func (t *TOC) HTML() template.HTML {
	if t == nil || len(t.Entries) == 0 {
		return ""
	}
	list := "ul"
	if t.Ordered {
		list = "ol"
	}
	var b strings.Builder
	b.WriteString(`<nav class="toc" aria-label="On this page">`)
	writeList(&b, t.Entries, list)
	b.WriteString(`</nav>`)
	return template.HTML(b.String())
}

func writeList(b *strings.Builder, es []*Entry, list string) {
	b.WriteString("<" + list + ">")
	for _, e := range es {
		b.WriteString(`<li><a href="#`)
		b.WriteString(html.EscapeString(e.ID))
		b.WriteString(`">`)
		b.WriteString(html.EscapeString(e.Text))
		b.WriteString(`</a>`)
		if len(e.Children) > 0 {
			writeList(b, e.Children, list)
		}
		b.WriteString(`</li>`)
	}
	b.WriteString("</" + list + ">")
}
