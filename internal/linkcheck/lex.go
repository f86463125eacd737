package linkcheck

import (
	"bytes"
	"slices"

	tparse "github.com/tdewolff/parse/v2"
	thtml "github.com/tdewolff/parse/v2/html"
)

// parseFast is parse on the HTML lexer of tdewolff/parse (the one the
// minifier runs on every page), which is about three times faster than
// golang.org/x/net/html's tokenizer and allocates next to nothing. The two
// tokenizers part ways on unusual markup, so parseFast gives up (ok is
// false) on anything where they might: comments, NUL bytes, tags left open
// at the end, <noscript>-like elements that only x/net reads as raw text,
// scripts holding "<!--", MathML, odd attribute names, and so on; parse then
// reads the file. Inline <svg> is read by parse, as a fragment, since the
// lexer hands it over whole. FuzzParseFast holds the two to the same ids
// and links wherever parseFast answers.
func parseFast(data []byte) (_ *doc, ok bool) {
	if bytes.IndexByte(data, 0) >= 0 || !onlyDoctypes(data) {
		return nil, false
	}
	d := &doc{ids: map[string]struct{}{}}
	l := thtml.NewLexer(tparse.NewInputBytes(data))
	var t tag
	for {
		tt, text := l.Next()
		switch tt {
		case thtml.ErrorToken:
			return d, !t.open // a tag cut off by the end of the file: x/net drops it
		case thtml.TextToken:
			if t.raw != nil && !rawTextOK(t.raw, text) {
				return nil, false
			}
		case thtml.EndTagToken:
			// Raw text must end at a plain end tag of its element: where
			// one is followed by more than ">", the tokenizers differ.
			if t.raw != nil && !bytes.Equal(bytes.ToLower(text), []byte("</"+string(t.raw)+">")) {
				return nil, false
			}
			t.raw = nil
		case thtml.DoctypeToken:
		case thtml.StartTagToken:
			name := l.Text()
			if !plainName(name) || divergentRaw[string(name)] {
				return nil, false
			}
			t = tag{name: string(name), open: true, keys: t.keys[:0]}
			if rawText[t.name] {
				t.raw = name
			}
		case thtml.AttributeToken:
			key, val := l.Text(), l.AttrVal()
			if !plainName(key) {
				return nil, false
			}
			v, ok := attrValue(val)
			if !ok {
				return nil, false
			}
			if t.seen(string(key)) {
				continue // the spec's tokenizer drops an attribute named twice; the first one counts
			}
			t.attr(d, string(key), v)
		case thtml.StartTagCloseToken, thtml.StartTagVoidToken:
			t.close(d)
			t.open = false
		case thtml.SVGToken:
			if !svgOK(text) {
				return nil, false
			}
			s := parse(text)
			for id := range s.ids {
				d.ids[id] = struct{}{}
			}
			d.refs = append(d.refs, s.refs...)
		default: // comments, MathML, <xml>, templates
			return nil, false
		}
	}
}

// onlyDoctypes reports whether every "<!" of data starts a doctype: no
// comment or CDATA section, where the lexers differ.
func onlyDoctypes(data []byte) bool {
	for {
		i := bytes.Index(data, []byte("<!"))
		if i < 0 {
			return true
		}
		data = data[i+2:]
		if len(data) < 7 || !bytes.EqualFold(data[:7], []byte("doctype")) {
			return false
		}
	}
}

// tag is the start tag being read.
type tag struct {
	name string
	open bool   // its attributes are being read
	raw  []byte // its name, when its text is raw (script, style, ...), up to its end tag
	rel  string
	href string
	keys []string // the attribute names read so far
}

// seen reports whether the tag had an attribute named key already, and
// notes it.
func (t *tag) seen(key string) bool {
	if slices.Contains(t.keys, key) {
		return true
	}
	t.keys = append(t.keys, key)
	return false
}

// attr takes one attribute as parse does.
func (t *tag) attr(d *doc, key, v string) {
	switch key {
	case "id":
		if v != "" {
			d.ids[v] = struct{}{}
		}
	case "name":
		if t.name == "a" && v != "" {
			d.ids[v] = struct{}{}
		}
	case "rel":
		t.rel = v
	case "href":
		if t.name == "a" || t.name == "area" || t.name == "link" {
			t.href = v
		}
	case "src":
		if srcTags[t.name] {
			d.refs = append(d.refs, v)
		}
	case "poster":
		if t.name == "video" {
			d.refs = append(d.refs, v)
		}
	case "srcset":
		if t.name == "img" || t.name == "source" {
			d.refs = append(d.refs, srcset(v)...)
		}
	}
}

// close ends the start tag, adding its href as parse does.
func (t *tag) close(d *doc) {
	if t.href != "" && !(t.name == "link" && hintRel(t.rel)) {
		d.refs = append(d.refs, t.href)
	}
	t.rel, t.href = "", ""
}

// rawText are the elements whose text both tokenizers read as raw text,
// and divergentRaw those only x/net/html does.
var (
	rawText      = map[string]bool{"script": true, "style": true, "textarea": true, "title": true, "iframe": true, "xmp": true}
	divergentRaw = map[string]bool{"noscript": true, "noembed": true, "noframes": true, "plaintext": true}
)

// rawTextOK reports whether the raw text of element name ends where both
// tokenizers end it: it holds no "</" of the element's own name (where the
// end-tag rules differ in detail) and, in a script, no "<!--" (which starts
// the spec's escaped states).
func rawTextOK(name, text []byte) bool {
	lower := bytes.ToLower(text)
	if bytes.Contains(lower, append([]byte("</"), name...)) {
		return false
	}
	return string(name) != "script" || !bytes.Contains(text, []byte("<!--"))
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
// included); ok is false for a quote left open or a character reference,
// which x/net/html decodes by rules of its own inside attributes.
func attrValue(val []byte) (string, bool) {
	if len(val) > 0 && (val[0] == '"' || val[0] == '\'') {
		if len(val) < 2 || val[len(val)-1] != val[0] {
			return "", false
		}
		val = val[1 : len(val)-1]
	}
	if bytes.IndexByte(val, '&') >= 0 {
		return "", false
	}
	return string(val), true
}

// svgOK reports whether an inline <svg> the lexer handed over whole can be
// read as a fragment by parse with the same result as in its page: it
// holds no element whose text is raw and no comment or CDATA section.
func svgOK(data []byte) bool {
	lower := bytes.ToLower(data[1:])
	if bytes.Contains(lower, []byte("<svg")) || bytes.Contains(lower, []byte("<math")) || bytes.Count(lower, []byte("</svg")) != 1 {
		return false
	}
	for name := range rawText {
		if bytes.Contains(lower, []byte("<"+name)) {
			return false
		}
	}
	for name := range divergentRaw {
		if bytes.Contains(lower, []byte("<"+name)) {
			return false
		}
	}
	return true
}
