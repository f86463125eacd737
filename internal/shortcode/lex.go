// Package shortcode parses and expands Hugo shortcodes in a page body.
package shortcode

import (
	"bytes"

	"github.com/quire-docs/quire/internal/markdown"
)

// Tag is one shortcode tag as written: {{< name params >}}, {{% name %}},
// {{< /name >}} or {{< name />}}.
type Tag struct {
	Name      string
	Markdown  bool // {{% %}}: the output is markdown; else {{< >}}: HTML
	Close     bool // {{< /name >}}
	SelfClose bool // {{< name />}}: never paired
	Params    []Param
	Start     int // byte offset of "{{" in the body
	End       int // byte offset just past "}}"
}

// Param is one parameter of a tag. Unquoted true, false and numbers are
// typed (bool, int, float64), as Hugo does; quoted and raw-string values
// are strings.
type Param struct {
	Name  string // "" for a positional parameter
	Value any
}

// itemKind is what a lexed span of the body is.
type itemKind int

const (
	itemText    itemKind = iota // copied as written
	itemTag                     // a shortcode tag
	itemEscaped                 // {{</* x */>}}: prints lit
)

type item struct {
	kind       itemKind
	start, end int
	tag        *Tag
	lit        string
	code       bool // an escaped tag in code: lit is code text
}

// syntaxError is a malformed tag at byte offset off.
type syntaxError struct {
	off       int
	name, msg string
	hint      string
}

// Has reports whether body may contain a shortcode: pages without "{{<"
// or "{{%" skip shortcode processing entirely.
func Has(body []byte) bool {
	return bytes.Contains(body, []byte("{{<")) || bytes.Contains(body, []byte("{{%"))
}

// lexer splits a body into text, tags and escaped tags. Fenced code
// blocks and inline code spans are text: shortcodes in them are not
// expanded.
type lexer struct {
	src   []byte
	items []item
	errs  []syntaxError
	text  int // start of the pending text item
	// unclosed holds, for escapes opened with "{{<" and with "{{%", an
	// offset from which src holds no "*/>}}" (or "*/%}}"), past the end
	// while none is known: a page of escapes left open would otherwise
	// have each of them search the rest of the page.
	unclosed [2]int
}

func lex(src []byte) ([]item, []syntaxError) {
	l := &lexer{src: src, unclosed: [2]int{len(src) + 1, len(src) + 1}}
	l.run()
	return l.items, l.errs
}

func (l *lexer) run() {
	src := l.src
	lineStart := true
	for i := 0; i < len(src); {
		if lineStart {
			if end, ok := fence(src, i); ok {
				l.codeEscapes(i, end, false)
				i = end
				continue
			}
		}
		lineStart = false
		switch c := src[i]; {
		case c == '\n':
			i++
			lineStart = true
		case c == '\\' && i+1 < len(src) && src[i+1] == '`':
			i += 2
		case c == '`':
			end := codeSpanEnd(src, i)
			l.codeEscapes(i, end, true)
			i = end
		case opens(src, i):
			i = l.tag(i)
		default:
			i++
		}
	}
	l.flush(len(src))
}

// flush ends the pending text item at end.
func (l *lexer) flush(end int) {
	if end > l.text {
		l.items = append(l.items, item{kind: itemText, start: l.text, end: end})
	}
	l.text = end
}

// fence reports whether a code fence opens on the line starting at i and
// returns the offset just past its closing line (or the end of src). Any
// indentation and blockquote markers are allowed before the fence, so
// fences in list items and quotes count too.
func fence(src []byte, i int) (int, bool) {
	j := skipPrefix(src, i)
	ch, n := fenceRun(src, j)
	if n < 3 {
		return 0, false
	}
	eol := lineEnd(src, j)
	if ch == '`' && bytes.IndexByte(src[j+n:eol], '`') >= 0 {
		return 0, false // an info string with a backtick is inline code
	}
	for k := eol; k < len(src); {
		k++ // past '\n'
		s := skipPrefix(src, k)
		c, m := fenceRun(src, s)
		e := lineEnd(src, s)
		if c == ch && m >= n && len(bytes.TrimSpace(src[s+m:e])) == 0 {
			return min(e+1, len(src)), true
		}
		k = e
	}
	return len(src), true
}

// skipPrefix skips spaces, tabs and '>' from i.
func skipPrefix(src []byte, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '>') {
		i++
	}
	return i
}

// fenceRun returns the fence character at i and how often it repeats.
func fenceRun(src []byte, i int) (byte, int) {
	if i >= len(src) || (src[i] != '`' && src[i] != '~') {
		return 0, 0
	}
	n := 0
	for i+n < len(src) && src[i+n] == src[i] {
		n++
	}
	return src[i], n
}

func lineEnd(src []byte, i int) int {
	if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(src)
}

// codeSpanEnd returns the offset past the code span opening at the
// backtick run at i: past the next run of the same length before a blank
// line, or past the run itself when it has no closer (literal backticks).
func codeSpanEnd(src []byte, i int) int {
	_, n := fenceRun(src, i)
	for j := i + n; j < len(src); {
		switch src[j] {
		case '`':
			_, m := fenceRun(src, j)
			if m == n {
				return j + m
			}
			j += m
		case '\n':
			if len(bytes.TrimSpace(src[j+1:lineEnd(src, j+1)])) == 0 {
				return i + n // a blank line ends the paragraph
			}
			j++
		default:
			j++
		}
	}
	return i + n
}

// tag lexes the tag starting at i ("{{<" or "{{%") and returns where
// scanning goes on.
func (l *lexer) tag(i int) int {
	src := l.src
	d := src[i+2]
	end := closer(d)
	j := skipSpace(src, i+3)
	if bytes.HasPrefix(src[j:], []byte("/*")) {
		return l.escaped(i, j, d)
	}
	t := &Tag{Markdown: d == '%', Start: i}
	if j < len(src) && src[j] == '/' {
		t.Close = true
		j = skipSpace(src, j+1)
	}
	k := j
	for k < len(src) && nameByte(src[k]) && !(src[k] == '/' && bytes.HasPrefix(src[k+1:], end)) {
		k++
	}
	t.Name = string(src[j:k])
	if t.Name == "" {
		return l.fail(i, "", "shortcode name missing after {{"+string(d), "write {{"+string(d)+" name "+string(end)+"; to print the braces, write {{"+string(d)+"/* name */"+string(end))
	}
	for k = skipSpace(src, k); ; k = skipSpace(src, k) {
		switch {
		case k >= len(src):
			return l.fail(i, t.Name, "shortcode is not terminated: no "+string(end)+" follows", "")
		case opens(src, k):
			// Stopping here keeps a page of unterminated tags linear:
			// otherwise each would lex the rest of the page as parameters.
			return l.fail(i, t.Name, "shortcode is not terminated: no "+string(end)+" before the next {{"+string(src[k+2]), "")
		case bytes.HasPrefix(src[k:], end):
			t.End = k + 3
		case src[k] == '/' && bytes.HasPrefix(src[k+1:], end):
			t.SelfClose, t.End = true, k+4
		}
		if t.End != 0 {
			break
		}
		p, next, msg := param(src, k, end)
		if msg != "" {
			return l.fail(i, t.Name, msg, "")
		}
		t.Params = append(t.Params, p)
		k = next
	}
	if t.Close && (len(t.Params) > 0 || t.SelfClose) {
		return l.fail(i, t.Name, "a closing tag takes no parameters", "")
	}
	l.flush(i)
	l.items = append(l.items, item{kind: itemTag, start: i, end: t.End, tag: t})
	l.text = t.End
	return t.End
}

// codeEscapes lexes the escaped tags in the code from i to end: Hugo
// sites write them in code blocks to show a shortcode, so they print
// there too. Nothing else in code is a tag. In a code span (span), the
// author's text of a placeholder prefix is kept as an escape of its own:
// the markdown stage expands placeholders in code blocks but not in code
// spans, so the expander must neither leave it to be read as a
// placeholder nor turn it into one (see expander.copyText).
func (l *lexer) codeEscapes(i, end int, span bool) {
	src := l.src[:end]
	prefix := []byte(markdown.PlaceholderPrefix)
	nextPrefix := -1 // offset of the next prefix at or after i; -1 when none
	if span {
		nextPrefix = index(src, i, prefix)
	}
	for {
		k := index(src, i, []byte("{{"))
		if nextPrefix >= 0 && (k < 0 || nextPrefix < k) {
			p := nextPrefix
			l.flush(p)
			l.items = append(l.items, item{kind: itemEscaped, start: p, end: p + len(prefix), lit: string(prefix), code: true})
			l.text = p + len(prefix)
			i = p + len(prefix)
			nextPrefix = index(src, i, prefix)
			continue
		}
		if k < 0 {
			return
		}
		i = k
		if i+2 < len(src) && (src[i+2] == '<' || src[i+2] == '%') {
			if j := skipSpace(src, i+3); bytes.HasPrefix(src[j:], []byte("/*")) {
				if next, ok := l.escapedAt(i, j, src[i+2], true); ok {
					i = next
					if nextPrefix >= 0 && nextPrefix < i {
						nextPrefix = index(src, i, prefix)
					}
					continue
				}
			}
		}
		i += 2
	}
}

// index returns the offset of the first sep in src at or after i, or -1.
func index(src []byte, i int, sep []byte) int {
	if k := bytes.Index(src[i:], sep); k >= 0 {
		return i + k
	}
	return -1
}

// escaped lexes {{</* ... */>}} (j is at "/*"): it prints {{< ... >}}.
func (l *lexer) escaped(i, j int, d byte) int {
	if next, ok := l.escapedAt(i, j, d, false); ok {
		return next
	}
	return l.fail(i, "", "escaped shortcode {{"+string(d)+"/* is not terminated: no */"+string(closer(d))+" follows", "")
}

// escapedAt adds the escaped tag at i and returns the offset past it, or
// false when it is not terminated within l.src.
func (l *lexer) escapedAt(i, j int, d byte, code bool) (int, bool) {
	src := l.src
	u := &l.unclosed[0]
	if d == '%' {
		u = &l.unclosed[1]
	}
	if j+2 >= *u {
		return 0, false // no terminator follows, as an earlier search found
	}
	for k := j + 2; k < len(src); k++ {
		if src[k] != '*' || k+1 >= len(src) || src[k+1] != '/' {
			continue
		}
		e := skipSpace(src, k+2)
		if bytes.HasPrefix(src[e:], closer(d)) {
			l.flush(i)
			lit := "{{" + string(d) + string(src[j+2:k]) + string(closer(d))
			l.items = append(l.items, item{kind: itemEscaped, start: i, end: e + 3, lit: lit, code: code})
			l.text = e + 3
			return e + 3, true
		}
	}
	*u = j + 2
	return 0, false
}

// opens reports whether a shortcode tag ("{{<" or "{{%") starts at i.
func opens(src []byte, i int) bool {
	return i+2 < len(src) && src[i] == '{' && src[i+1] == '{' && (src[i+2] == '<' || src[i+2] == '%')
}

// closer is the closing delimiter for the opening one: ">}}" for "{{<",
// "%}}" for "{{%".
func closer(d byte) []byte {
	if d == '<' {
		return []byte(">}}")
	}
	return []byte("%}}")
}

// fail records a syntax error for the tag at i and goes on after its
// opening braces, which stay in the text.
func (l *lexer) fail(i int, name, msg, hint string) int {
	l.errs = append(l.errs, syntaxError{off: i, name: name, msg: msg, hint: hint})
	return i + 3
}

func skipSpace(src []byte, i int) int {
	for i < len(src) && isSpace(src[i]) {
		i++
	}
	return i
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func nameStart(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// nameByte reports whether c may be part of a shortcode name; '/' and
// '.' allow names of templates in subdirectories.
func nameByte(c byte) bool {
	return nameStart(c) || '0' <= c && c <= '9' || c == '-' || c == '/' || c == '.'
}
