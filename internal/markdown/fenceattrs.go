package markdown

import (
	"fmt"
	"strings"
)

// fenceAttr is one attribute of a code fence's {…} block, as Hugo reads
// it with goldmark's attribute syntax: name=value, #id or .class, separated
// by spaces or commas.
type fenceAttr struct {
	Name  string // as written; "#x" is named "id", ".x" "class"
	Value attrValue
	Off   int // byte offset of the attribute in the text parsed
}

// attrKind is the kind of an attribute value.
type attrKind int

const (
	attrWord   attrKind = iota // a bare word: inline, table, main.go
	attrString                 // a "quoted string", escapes resolved
	attrNumber                 // 10, -1, 2.5, 1e3: Text as written
	attrBool                   // true or false
	attrArray                  // [2, "4-5"]
)

// attrValue is an attribute's value.
type attrValue struct {
	Kind  attrKind
	Text  string      // the word, string, number or "true"/"false"
	Items []attrValue // of an attrArray
	Off   int         // byte offset of the value in the text parsed
}

// attrError is a syntax error in an attribute block, at byte offset Off of
// the text parsed.
type attrError struct {
	Off int
	Msg string
}

// maxAttrDepth bounds how deeply arrays may nest, so no input runs the
// parser's recursion deep.
const maxAttrDepth = 8

// parseFenceAttrs parses the attribute block that s starts with ('{'),
// and returns its attributes and the offset just past its '}'. On a
// syntax error it returns the error and no attributes. It never panics and
// runs in time linear in len(s).
func parseFenceAttrs(s string) ([]fenceAttr, int, *attrError) {
	p := attrParser{s: s}
	if !p.eat('{') {
		return nil, 0, &attrError{0, "an attribute block starts with {"}
	}
	var attrs []fenceAttr
	for {
		p.spaces()
		if p.eat('}') {
			return attrs, p.i, nil
		}
		if p.i >= len(s) {
			return nil, 0, &attrError{0, "attribute block has no closing }"}
		}
		a, err := p.attr()
		if err != nil {
			return nil, 0, err
		}
		attrs = append(attrs, a)
		p.spaces()
		if p.eat(',') {
			continue
		}
		if p.i < len(s) && s[p.i] != '}' && !isAttrSpace(s[p.i-1]) {
			return nil, 0, p.errorf("want a space, a comma or } after an attribute, found %q", p.rest())
		}
	}
}

// attrParser holds the text being parsed and the offset reached.
type attrParser struct {
	s string
	i int
}

func (p *attrParser) attr() (fenceAttr, *attrError) {
	start := p.i
	if c := p.s[p.i]; c == '#' || c == '.' {
		p.i++
		j := p.i
		for p.i < len(p.s) && isIDByte(p.s[p.i]) {
			p.i++
		}
		if p.i == j {
			return fenceAttr{}, p.errorf("want a name after %q", string(c))
		}
		name := "class"
		if c == '#' {
			name = "id"
		}
		return fenceAttr{Name: name, Value: attrValue{Kind: attrWord, Text: p.s[j:p.i], Off: j}, Off: start}, nil
	}
	name := p.name()
	if name == "" {
		return fenceAttr{}, p.errorf("want an attribute such as linenos=true, found %q", p.rest())
	}
	p.spaces()
	if !p.eat('=') {
		return fenceAttr{}, p.errorf("want = and a value after %q", name)
	}
	p.spaces()
	v, err := p.value(0)
	if err != nil {
		return fenceAttr{}, err
	}
	return fenceAttr{Name: name, Value: v, Off: start}, nil
}

// name reads a name: a letter, _ or :, then letters, digits and _ : . -.
func (p *attrParser) name() string {
	start := p.i
	if p.i < len(p.s) && isNameStart(p.s[p.i]) {
		p.i++
		for p.i < len(p.s) && (isNameStart(p.s[p.i]) || isDigit(p.s[p.i]) || p.s[p.i] == '.' || p.s[p.i] == '-') {
			p.i++
		}
	}
	return p.s[start:p.i]
}

func (p *attrParser) value(depth int) (attrValue, *attrError) {
	start := p.i
	if p.i >= len(p.s) {
		return attrValue{}, p.errorf("want a value")
	}
	switch c := p.s[p.i]; {
	case c == '"':
		return p.str()
	case c == '[':
		if depth >= maxAttrDepth {
			return attrValue{}, p.errorf("arrays nested more than %d deep", maxAttrDepth)
		}
		p.i++
		v := attrValue{Kind: attrArray, Off: start}
		for {
			p.spaces()
			if p.eat(']') {
				return v, nil
			}
			if len(v.Items) > 0 && p.eat(',') {
				p.spaces()
			}
			if p.i >= len(p.s) {
				p.i = start
				return attrValue{}, p.errorf("array has no closing ]")
			}
			item, err := p.value(depth + 1)
			if err != nil {
				return attrValue{}, err
			}
			v.Items = append(v.Items, item)
		}
	case c == '-' || c == '+' || isDigit(c):
		return p.number()
	case c == '{':
		return attrValue{}, p.errorf("a {…} value is not supported")
	default:
		w := p.name()
		if w == "" {
			return attrValue{}, p.errorf("want a value (a word, a number, a \"string\" or an [array]), found %q", p.rest())
		}
		if w == "true" || w == "false" {
			return attrValue{Kind: attrBool, Text: w, Off: start}, nil
		}
		return attrValue{Kind: attrWord, Text: w, Off: start}, nil
	}
}

// str reads a "string" with the escapes \" \\ \/ \b \f \n \r \t; any
// other backslash is kept, as goldmark does.
func (p *attrParser) str() (attrValue, *attrError) {
	start := p.i
	p.i++ // "
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			p.i++
			return attrValue{Kind: attrString, Text: b.String(), Off: start}, nil
		case c == '\\' && p.i+1 < len(p.s):
			if r, ok := strEscapes[p.s[p.i+1]]; ok {
				b.WriteByte(r)
				p.i += 2
				continue
			}
		}
		b.WriteByte(c)
		p.i++
	}
	p.i = start
	return attrValue{}, p.errorf("string has no closing \"")
}

var strEscapes = map[byte]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

// number reads [-+]digits[.digits][(e|E)[-+]digits].
func (p *attrParser) number() (attrValue, *attrError) {
	start := p.i
	if c := p.s[p.i]; c == '-' || c == '+' {
		p.i++
	}
	if p.i >= len(p.s) || !isDigit(p.s[p.i]) {
		return attrValue{}, p.errorf("want a number")
	}
	p.digits()
	if p.eat('.') {
		p.digits()
	}
	if p.i < len(p.s) && (p.s[p.i] == 'e' || p.s[p.i] == 'E') {
		p.i++
		if p.i < len(p.s) && (p.s[p.i] == '-' || p.s[p.i] == '+') {
			p.i++
		}
		p.digits()
	}
	return attrValue{Kind: attrNumber, Text: p.s[start:p.i], Off: start}, nil
}

func (p *attrParser) digits() {
	for p.i < len(p.s) && isDigit(p.s[p.i]) {
		p.i++
	}
}

func (p *attrParser) spaces() {
	for p.i < len(p.s) && isAttrSpace(p.s[p.i]) {
		p.i++
	}
}

func (p *attrParser) eat(c byte) bool {
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

// rest is a short quote of the text from the offset reached.
func (p *attrParser) rest() string {
	return shorten(p.s[p.i:], 12)
}

func (p *attrParser) errorf(msg string, args ...any) *attrError {
	return &attrError{Off: p.i, Msg: fmt.Sprintf(msg, args...)}
}

func isAttrSpace(c byte) bool { return c == ' ' || c == '\t' }
func isDigit(c byte) bool     { return '0' <= c && c <= '9' }
func isNameStart(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c == ':'
}

// isIDByte reports whether c may be in the name of a #id or .class: what
// goldmark allows, everything but spaces and punctuation other than _ - : .
func isIDByte(c byte) bool {
	switch {
	case isAttrSpace(c):
		return false
	case c >= 0x80, isDigit(c), isNameStart(c), c == '-', c == '.':
		return true
	}
	return c > ' ' && !strings.ContainsRune("!\"#$%&'()*+,/;<=>?@[\\]^`{|}~", rune(c))
}
