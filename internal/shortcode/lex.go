// Package shortcode parses and expands Hugo shortcodes in a page body.
package shortcode

import "bytes"

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
	code       bool // an escaped tag in code or an HTML comment: lit prints as written
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

// lexer splits a body into text, tags and escaped tags. Shortcodes are
// expanded where Hugo expands them, which is everywhere but inside an HTML
// comment: in code fences and code spans too. Code matters for escaped
// tags only, which print there as code text (item.code). In an HTML
// comment ("<!-- ... -->") a tag is text: it is not run, so nothing it
// would do (a ref, a link to check) happens.
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
	// noCommentEnd is an offset from which src holds no "-->", past the
	// end while none is known, for the same reason.
	noCommentEnd int
}

func lex(src []byte) ([]item, []syntaxError) {
	l := &lexer{src: src, unclosed: [2]int{len(src) + 1, len(src) + 1}, noCommentEnd: len(src) + 1}
	l.run()
	return l.items, l.errs
}

func (l *lexer) run() {
	src := l.src
	lineStart := true
	code := 0    // end of the code fence or span being lexed
	comment := 0 // end of the HTML comment being lexed
	for i := 0; i < len(src); {
		if lineStart && i >= code && i >= comment {
			if end, ok := fence(src, i); ok {
				code = end
			}
		}
		lineStart = false
		switch c := src[i]; {
		case c == '\n':
			i++
			lineStart = true
		case i < comment:
			i = l.commentText(i)
		case i < code:
			if opens(src, i) {
				i = l.tag(i, true)
			} else {
				i++
			}
		case c == '\\' && i+1 < len(src) && src[i+1] == '`':
			i += 2
		case c == '`':
			_, n := fenceRun(src, i)
			code = codeSpanEnd(src, i)
			i += n
		case c == '<' && bytes.HasPrefix(src[i:], []byte("<!--")):
			if end, ok := l.commentEnd(i); ok {
				comment = end
			}
			i += 4
		case opens(src, i):
			i = l.tag(i, false)
		default:
			i++
		}
	}
	l.flush(len(src))
}

// commentText lexes at i inside an HTML comment, where an escaped tag is
// printed as written (comments are raw HTML) and nothing else is a tag.
func (l *lexer) commentText(i int) int {
	if !opens(l.src, i) {
		return i + 1
	}
	if j := skipSpace(l.src, i+3); bytes.HasPrefix(l.src[j:], []byte("/*")) {
		if next, ok := l.escapedAt(i, j, l.src[i+2], true); ok {
			return next
		}
	}
	return i + 3
}

// commentEnd returns the offset past the HTML comment opening with "<!--"
// at i, as CommonMark reads one: "<!-->", "<!--->", or up to the next
// "-->". An unterminated "<!--" is no comment.
func (l *lexer) commentEnd(i int) (int, bool) {
	rest := l.src[i+4:]
	switch {
	case bytes.HasPrefix(rest, []byte(">")):
		return i + 5, true
	case bytes.HasPrefix(rest, []byte("->")):
		return i + 6, true
	case i+4 >= l.noCommentEnd:
		return 0, false // none follows, as an earlier search found
	}
	if k := bytes.Index(rest, []byte("-->")); k >= 0 {
		return i + 4 + k + 3, true
	}
	l.noCommentEnd = i + 4
	return 0, false
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
// scanning goes on. In code, an escaped tag prints as code text, and one
// left unterminated is text, not an error.
func (l *lexer) tag(i int, code bool) int {
	src := l.src
	d := src[i+2]
	end := closer(d)
	j := skipSpace(src, i+3)
	if bytes.HasPrefix(src[j:], []byte("/*")) {
		return l.escaped(i, j, d, code)
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

// escaped lexes {{</* ... */>}} (j is at "/*"): it prints {{< ... >}}.
func (l *lexer) escaped(i, j int, d byte, code bool) int {
	if next, ok := l.escapedAt(i, j, d, code); ok {
		return next
	}
	if code {
		return i + 3
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
