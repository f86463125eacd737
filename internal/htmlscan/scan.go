// Package htmlscan reads HTML a token at a time with the lexer of
// tdewolff/parse (the one the minifier runs on every page), which is about
// three times faster than golang.org/x/net/html's tokenizer and allocates
// next to nothing, and hands over the tokens x/net's would.
//
// The two tokenizers part ways on unusual markup, so Scan gives up on
// anything where they might (comments, NUL bytes, a tag cut off by the end
// of the file, <noscript> and the other elements only x/net reads as raw
// text, scripts holding "<!--", MathML, odd tag or attribute names) and
// the caller reads the file with x/net/html instead. Inline <svg>, which
// the lexer hands over whole, is tokenized by x/net/html as a fragment.
// FuzzScan holds Scan to x/net's tokens wherever it answers.
package htmlscan

import (
	"bytes"
	"strings"

	tparse "github.com/tdewolff/parse/v2"
	thtml "github.com/tdewolff/parse/v2/html"
	"golang.org/x/net/html"
)

// Attr is one attribute of a start tag: its name lowercased, its value
// with character references decoded as x/net/html decodes them.
type Attr struct{ Key, Val []byte }

// Visitor receives the tokens. Slices passed to it are valid only during
// the call, and must not be changed: those of inline SVGs are shared by
// every Scan.
type Visitor interface {
	// Start is a start tag: its name lowercased, its attributes in order
	// (an attribute named twice only once, the first, as the HTML
	// tokenizer keeps it), and whether it ends in "/>".
	Start(name []byte, attrs []Attr, selfClosing bool)
	// End is an end tag, its name lowercased.
	End(name []byte)
	// Text is text as x/net/html's Tokenizer.Text gives it: newlines
	// normalized, character references decoded except in raw text
	// (script, style, xmp, iframe). Runs of text may come in pieces.
	Text(text []byte)
}

// TagsOnly is a Visitor that ignores text: Scan does not decode text
// for it, nor call its Text.
type TagsOnly interface {
	Visitor
	TagsOnly()
}

// Scan hands the tokens of data to v and reports whether it read all of
// data. When it reports false, v may have seen some tokens: the caller
// drops what it made of them and reads data with x/net/html. Scan does
// not change data.
func Scan(data []byte, v Visitor) bool {
	if bytes.IndexByte(data, 0) >= 0 || !onlyDoctypes(data) {
		return false
	}
	// The lexer lowercases names in its input and writes a NUL past its
	// end: it gets a copy, not the caller's bytes.
	in := copyInput(data)
	defer putInput(in)
	l := thtml.NewLexer(tparse.NewInputBytes(*in))
	_, tagsOnly := v.(TagsOnly)
	var (
		name  []byte // the open start tag's name
		attrs []Attr
		open  bool   // a start tag's attributes are being read
		raw   string // the element whose raw text is next, up to its end tag
	)
	for {
		tt, text := l.Next()
		switch tt {
		case thtml.ErrorToken:
			return !open // a tag cut off by the end: x/net drops it
		case thtml.TextToken:
			if raw != "" && !rawTextOK(raw, text) {
				return false
			}
			if bytes.Contains(text, []byte("</>")) {
				return false // "</>" is nothing to x/net/html, text to the lexer
			}
			if !tagsOnly {
				v.Text(textOf(text, raw == "" || raw == "textarea" || raw == "title"))
			}
		case thtml.EndTagToken:
			// Raw text must end at a plain end tag of its element: where
			// one is followed by more than ">", the tokenizers differ.
			n := endName(l.Text())
			if !plainName(n) || !plainEnd(text, len(n)) {
				return false // cut off by the end, or with attributes
			}
			if raw != "" && !bytes.Equal(bytes.ToLower(text), []byte("</"+raw+">")) {
				return false
			}
			raw = ""
			v.End(n)
		case thtml.DoctypeToken:
		case thtml.StartTagToken:
			name = l.Text()
			if !plainName(name) {
				return false
			}
			switch string(name) {
			case "noscript", "noembed", "noframes", "plaintext": // raw text to x/net/html only
				return false
			case "script", "style", "textarea", "title", "iframe", "xmp": // raw text to both
				raw = string(name)
			}
			attrs, open = attrs[:0], true
		case thtml.AttributeToken:
			key := l.Text()
			if !plainName(key) {
				return false
			}
			if named(attrs, key) {
				// The spec's tokenizer drops an attribute named twice. x/net
				// then takes a "/" that ends the dropped one's unquoted
				// value ("<a href href=/>") for a self-closing tag, where
				// the lexer (and the spec) do not; outline reads the flag.
				if v := l.AttrVal(); len(v) > 0 && v[0] != '"' && v[0] != '\'' && v[len(v)-1] == '/' {
					return false
				}
				continue
			}
			val, ok := attrValue(l.AttrVal())
			if !ok {
				return false
			}
			attrs = append(attrs, Attr{Key: key, Val: val})
		case thtml.StartTagCloseToken, thtml.StartTagVoidToken:
			v.Start(name, attrs, tt == thtml.StartTagVoidToken)
			open = false
		case thtml.SVGToken:
			if !scanSVG(text, v) {
				return false
			}
		default: // comments, MathML, <xml>, templates
			return false
		}
	}
}

// Tokenize hands the tokens of data to v from x/net/html's tokenizer
// itself: what a caller does where Scan gives up. Scan uses it for inline
// <svg>.
func Tokenize(data []byte, v Visitor) {
	z := html.NewTokenizer(bytes.NewReader(data))
	var attrs []Attr
	for {
		switch tt := z.Next(); tt {
		case html.ErrorToken:
			return
		case html.TextToken:
			v.Text(z.Text())
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			attrs = attrs[:0]
			for more {
				var k, val []byte
				k, val, more = z.TagAttr()
				attrs = append(attrs, Attr{Key: k, Val: val})
			}
			v.Start(name, attrs, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			name, _ := z.TagName()
			v.End(name)
		}
	}
}

// endName returns an end tag's name as x/net/html reads it: up to white
// space or "/", the rest being ignored.
func endName(n []byte) []byte {
	for i, c := range n {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' {
			return n[:i]
		}
	}
	return n
}

// plainEnd reports whether an end tag's lexeme is its name and white
// space up to its ">": attributes in an end tag, which x/net/html reads
// (a quote left open in one hides the ">"), send the page to x/net.
func plainEnd(text []byte, nameLen int) bool {
	if len(text) < 2+nameLen+1 || text[len(text)-1] != '>' {
		return false
	}
	for _, c := range text[2+nameLen : len(text)-1] {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			return false
		}
	}
	return true
}

// textOf returns text as x/net/html gives it: "\r\n" and "\r" become "\n",
// and character references are decoded unless the text is raw.
func textOf(text []byte, decode bool) []byte {
	if bytes.IndexByte(text, '\r') >= 0 {
		text = bytes.ReplaceAll(bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
	}
	if decode && bytes.IndexByte(text, '&') >= 0 {
		return []byte(html.UnescapeString(string(text)))
	}
	return text
}

// named reports whether attrs has one named key.
func named(attrs []Attr, key []byte) bool {
	for _, a := range attrs {
		if bytes.Equal(a.Key, key) {
			return true
		}
	}
	return false
}

// onlyDoctypes reports whether every "<!" of data starts a doctype: no
// comment or CDATA section, where the lexers differ.
func onlyDoctypes(data []byte) bool {
	// "!" is far rarer in HTML than "<": look for it, then at what is
	// before it.
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '!')
		if j < 0 {
			return true
		}
		j += i
		if j > 0 && data[j-1] == '<' {
			if rest := data[j+1:]; len(rest) < 7 || !bytes.EqualFold(rest[:7], []byte("doctype")) {
				return false
			}
		}
		i = j + 1
	}
}

// rawElements are the elements whose text x/net/html reads as raw text
// (tdewolff's lexer, all but the last four).
var rawElements = []string{"script", "style", "textarea", "title", "iframe", "xmp", "noscript", "noembed", "noframes", "plaintext"}

// rawTextOK reports whether the raw text of element name ends where both
// tokenizers end it: it holds no "</" of the element's own name (where the
// end-tag rules differ in detail) and, in a script, no "<!--" (which starts
// the spec's escaped states).
func rawTextOK(name string, text []byte) bool {
	if bytes.Contains(bytes.ToLower(text), []byte("</"+name)) {
		return false
	}
	return name != "script" || !bytes.Contains(text, []byte("<!--"))
}

// plainName reports whether a tag or attribute name is made only of
// characters both tokenizers read the same way.
func plainName(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == ':' || c == '.') {
			return false
		}
	}
	return true
}

// attrValue returns an attribute's value from its lexeme (quotes
// included), decoded as x/net/html decodes attribute values; ok is false
// for a quote left open or a carriage return (which x/net turns into a
// newline).
func attrValue(val []byte) ([]byte, bool) {
	if bytes.IndexByte(val, '\r') >= 0 {
		return nil, false
	}
	quote := byte('"')
	if len(val) > 0 && (val[0] == '"' || val[0] == '\'') {
		if len(val) < 2 || val[len(val)-1] != val[0] {
			return nil, false
		}
		quote, val = val[0], val[1:len(val)-1]
	}
	if bytes.IndexByte(val, '&') < 0 {
		return val, true
	}
	return decodeAttr(val, quote)
}

// decodeAttr decodes the character references of an attribute value by
// x/net/html's own rules for attributes (which differ from those for
// text), by tokenizing a tag that holds it.
func decodeAttr(val []byte, quote byte) ([]byte, bool) {
	if quote != '"' && quote != '\'' || bytes.IndexByte(val, quote) >= 0 {
		quote = '"'
		if bytes.IndexByte(val, '"') >= 0 {
			return nil, false
		}
	}
	var b strings.Builder
	b.WriteString("<a v=")
	b.WriteByte(quote)
	b.Write(val)
	b.WriteByte(quote)
	b.WriteByte('>')
	z := html.NewTokenizer(strings.NewReader(b.String()))
	if z.Next() != html.StartTagToken {
		return nil, false
	}
	if _, more := z.TagName(); !more {
		return nil, false
	}
	_, v, _ := z.TagAttr()
	return v, true
}

// svgOK reports whether an inline <svg> the lexer handed over whole can be
// tokenized as a fragment with the same tokens as in its page: it holds no
// element whose text is raw, no nested <svg> or <math>, and one end tag.
func svgOK(data []byte) bool {
	lower := bytes.ToLower(data[1:])
	if bytes.Contains(lower, []byte("<svg")) || bytes.Contains(lower, []byte("<math")) || bytes.Count(lower, []byte("</svg")) != 1 {
		return false
	}
	for _, name := range rawElements {
		if bytes.Contains(lower, []byte("<"+name)) {
			return false
		}
	}
	return endsAtSVGEnd(data)
}

// endsAtSVGEnd reports whether x/net/html reads data's one "</svg" as an
// end tag that ends data. A quote or an attribute can hide it, as in
// `<svg a="</svg>`, which x/net reads as a tag cut off by the end.
func endsAtSVGEnd(data []byte) bool {
	z := html.NewTokenizer(bytes.NewReader(data))
	n, last := 0, html.ErrorToken
	var name []byte
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		n += len(z.Raw())
		last = tt
		if tt == html.EndTagToken {
			name, _ = z.TagName()
		}
	}
	return last == html.EndTagToken && string(name) == "svg" && n == len(data)
}
