// Package outline splits a page's rendered HTML into sections at its
// headings, as the plain text a reader sees.
package outline

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/atom"

	"github.com/quire-docs/quire/internal/htmlscan"
)

// Section is the text between two headings. The first section of a page is
// the text before its first heading, with Level 0 and no ID or Title.
type Section struct {
	Level int    // 1–6 for a heading; 0 for the text before the first one
	ID    string // the heading's id attribute, "" when it has none
	Title string // the heading's text, without its self-link
	Text  string // the text up to the next heading of any level
	Code  []Span // the parts of Text in code blocks (pre) and tables, in order
}

// Span is the bytes [Start, End) of a section's Text.
type Span struct{ Start, End int }

// Marks around code blocks and tables in the text being read, taken out
// (and taken out of the input) when a section ends: private-use
// characters no page means as text.
const (
	codeStart = "\ue000"
	codeEnd   = "\ue001"
)

// Outline is what Parse finds in one page body.
type Outline struct {
	Sections []Section // never empty: Sections[0] is the lead, maybe with no text
	// Summary is the text of the first paragraph, "" when there is none.
	// An admonition's title (p.admonition-title: "Note", "Warning") is not
	// a paragraph of the page's own, so the summary is its body.
	Summary string
}

// Parse reads a rendered page body (an HTML fragment, as the markdown stage
// writes it). Text is what the browser's textContent would give, with runs
// of white space collapsed to one space and a space between blocks. It
// leaves out the heading self-links ("a.anchor"), footnote back-links,
// and the contents of script, style and template elements. Parse never
// fails: the tokenizer accepts any input.
func Parse(body []byte) Outline {
	p := newParser()
	if !htmlscan.Scan(body, p) {
		p = newParser() // htmlscan left it to x/net/html
		htmlscan.Tokenize(body, p)
	}
	p.flush()
	return Outline{Sections: p.sections, Summary: p.summary}
}

// parser holds the state of one Parse, as an htmlscan.Visitor.
type parser struct {
	sections []Section
	text     strings.Builder // the current section's text, or heading title while in one
	inHead   int             // level of the heading being read, 0 outside one
	head     Section         // the heading being read
	skip     int             // depth inside elements whose text is left out
	para     int             // depth inside the first <p>, while reading it
	paraBuf  strings.Builder
	summary  string
	sawPara  bool
	code     int // depth inside pre and table elements, outside headings
}

func newParser() *parser { return &parser{sections: []Section{{}}} }

// Text handles text.
func (p *parser) Text(t []byte) {
	if p.skip > 0 {
		return
	}
	if p.para > 0 {
		p.paraBuf.Write(t)
	}
	// Invalid UTF-8 becomes U+FFFD first, as the index's JSON would have
	// it anyway: then taking the marks out cannot join the bytes around
	// one into another mark, nor can two pieces of text make one.
	if !utf8.Valid(t) {
		t = bytes.ToValidUTF8(t, []byte("\ufffd"))
	}
	if bytes.Contains(t, []byte("\xee\x80")) { // U+E000–U+E03F: maybe a mark
		t = bytes.ReplaceAll(bytes.ReplaceAll(t, []byte(codeStart), nil), []byte(codeEnd), nil)
	}
	p.text.Write(t)
}

// Start handles a start tag.
func (p *parser) Start(name []byte, attrs []htmlscan.Attr, selfClosing bool) {
	a := atom.Lookup(name)
	if p.skip > 0 {
		if !selfClosing && !void(a) {
			p.skip++
		}
		return
	}
	var id, class []byte
	for _, at := range attrs {
		switch string(at.Key) {
		case "id":
			id = at.Val
		case "class":
			class = at.Val
		}
	}
	switch {
	case a == atom.Script || a == atom.Style || a == atom.Template,
		a == atom.A && (hasClass(class, "anchor") || hasClass(class, "footnote-backref")):
		if !selfClosing {
			p.skip = 1
		}
		return
	}
	if lvl := headingLevel(a); lvl > 0 && p.inHead == 0 {
		p.flush()
		p.inHead = lvl
		p.head = Section{Level: lvl, ID: string(id)}
		return
	}
	if a == atom.P && !p.sawPara && p.inHead == 0 && !hasClass(class, "admonition-title") {
		p.sawPara = true
		p.para = 1
	} else if a == atom.P && p.para > 0 {
		p.para++
	}
	if (a == atom.Pre || a == atom.Table) && p.inHead == 0 && !selfClosing {
		if p.code == 0 {
			p.text.WriteString(" " + codeStart)
		}
		p.code++
	}
	if block(a) || a == atom.Br {
		p.text.WriteByte(' ')
		if p.para > 0 {
			p.paraBuf.WriteByte(' ')
		}
	}
}

// End handles an end tag.
func (p *parser) End(name []byte) {
	a := atom.Lookup(name)
	if p.skip > 0 {
		p.skip--
		return
	}
	if lvl := headingLevel(a); lvl > 0 && lvl == p.inHead {
		p.head.Title = collapse(p.text.String())
		p.text.Reset()
		p.inHead = 0
		p.sections = append(p.sections, p.head)
		return
	}
	if a == atom.P && p.para > 0 {
		p.para--
		if p.para == 0 {
			p.summary = collapse(p.paraBuf.String())
		}
	}
	if block(a) {
		p.text.WriteByte(' ')
	}
	if (a == atom.Pre || a == atom.Table) && p.inHead == 0 && p.code > 0 {
		if p.code--; p.code == 0 {
			p.text.WriteString(codeEnd + " ")
		}
	}
}

// flush ends the current section's text. An unclosed heading at the end
// of the input becomes a heading with that text as its title.
func (p *parser) flush() {
	if p.inHead > 0 {
		p.head.Title = collapse(p.text.String())
		p.text.Reset()
		p.inHead = 0
		p.sections = append(p.sections, p.head)
	}
	if p.code > 0 { // a code block or table left open
		p.text.WriteString(codeEnd)
		p.code = 0
	}
	last := &p.sections[len(p.sections)-1]
	text, spans := unmark(collapse(p.text.String()))
	if last.Text != "" && text != "" {
		for i := range spans {
			spans[i].Start += len(last.Text) + 1
			spans[i].End += len(last.Text) + 1
		}
		text = last.Text + " " + text
	} else if text == "" {
		text = last.Text
	}
	last.Text = text
	last.Code = append(last.Code, spans...)
	p.text.Reset()
	if p.para > 0 && p.summary == "" {
		p.summary = collapse(p.paraBuf.String())
	}
}

// unmark takes the code marks out of collapsed text s and returns it with
// the spans they marked, as if they had never been there: one space
// between words, none at either end.
func unmark(s string) (string, []Span) {
	if !strings.Contains(s, codeStart) {
		return s, nil
	}
	var b strings.Builder
	var spans []Span
	start := -1
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], codeStart):
			start = b.Len()
			i += len(codeStart)
		case strings.HasPrefix(s[i:], codeEnd):
			end := b.Len()
			if end > 0 && s[i-1] == ' ' {
				end--
			}
			if start >= 0 && start < end {
				spans = append(spans, Span{start, end})
			}
			start = -1
			i += len(codeEnd)
		case s[i] == ' ':
			if b.Len() > 0 && !strings.HasSuffix(b.String(), " ") {
				b.WriteByte(' ')
			}
			i++
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	out := strings.TrimSuffix(b.String(), " ")
	for i := range spans {
		spans[i].End = min(spans[i].End, len(out))
	}
	return out, spans
}

func headingLevel(a atom.Atom) int {
	switch a {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

// block reports whether a is an element whose text does not run on into
// its neighbours' ("a</p><p>b" reads "a b").
func block(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd,
		atom.Blockquote, atom.Pre, atom.Table, atom.Tr, atom.Td, atom.Th,
		atom.Section, atom.Article, atom.Aside, atom.Header, atom.Footer,
		atom.Figure, atom.Figcaption, atom.Details, atom.Summary, atom.Hr:
		return true
	}
	return false
}

// void reports whether a has no end tag.
func void(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img,
		atom.Input, atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

func hasClass(class []byte, want string) bool {
	for _, c := range bytes.Fields(class) {
		if string(c) == want {
			return true
		}
	}
	return false
}
