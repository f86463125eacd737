package linkcheck

import (
	"bytes"

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
	// The lexer lowercases names in its input and writes a NUL past its
	// end: it gets a copy, not the page the build writes out.
	l := thtml.NewLexer(tparse.NewInputBytes(bytes.Clone(data)))
	var r refs
	var t tag
	for {
		tt, text := l.Next()
		switch tt {
		case thtml.ErrorToken:
			d.refs = r.strings()
			return d, !t.open // a tag cut off by the end of the file: x/net drops it
		case thtml.TextToken:
			if t.raw != "" && !rawTextOK(t.raw, text) {
				return nil, false
			}
		case thtml.EndTagToken:
			// Raw text must end at a plain end tag of its element: where
			// one is followed by more than ">", the tokenizers differ.
			if t.raw != "" && !bytes.Equal(bytes.ToLower(text), []byte("</"+t.raw+">")) {
				return nil, false
			}
			t.raw = ""
		case thtml.DoctypeToken:
		case thtml.StartTagToken:
			name := l.Text()
			if !plainName(name) {
				return nil, false
			}
			t = tag{name: tagName(name), open: true}
			switch t.name {
			case "noscript", "noembed", "noframes", "plaintext": // raw text to x/net/html only
				return nil, false
			case "script", "style", "textarea", "title", "iframe", "xmp": // raw text to both
				t.raw = t.name
			}
		case thtml.AttributeToken:
			key := l.Text()
			if !plainName(key) {
				return nil, false
			}
			k := attrOf(key)
			if k == attrOther || t.seen&(1<<k) != 0 {
				continue // the spec's tokenizer drops an attribute named twice; the first one counts
			}
			t.seen |= 1 << k
			v, ok := attrValue(l.AttrVal())
			if !ok {
				return nil, false
			}
			t.attr(d, &r, k, v)
		case thtml.StartTagCloseToken, thtml.StartTagVoidToken:
			t.close(&r)
			t.open = false
		case thtml.SVGToken:
			if !svgOK(text) {
				return nil, false
			}
			s := parse(text)
			for id := range s.ids {
				d.ids[id] = struct{}{}
			}
			for _, ref := range s.refs {
				r.add([]byte(ref))
			}
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
	name string // its name when parse looks at it (tagName), else ""
	open bool   // its attributes are being read
	raw  string // its name, when its text is raw (script, style, ...), up to its end tag
	seen uint8  // the attrs it had, by bit
	rel  []byte
	href []byte
}

// tagName returns name when it is one parse looks at, and "" for the
// rest, without allocating (comparing string(name) makes no string).
func tagName(name []byte) string {
	for _, n := range knownTags {
		if n == string(name) {
			return n
		}
	}
	return ""
}

// knownTags are the elements parse or parseFast look at by name.
var knownTags = []string{
	"a", "area", "link", "img", "script", "iframe", "source", "video", "audio", "track", "embed", "input",
	"style", "textarea", "title", "xmp", "noscript", "noembed", "noframes", "plaintext",
}

// The attributes parse looks at.
const (
	attrOther = iota
	attrID
	attrName
	attrRel
	attrHref
	attrSrc
	attrPoster
	attrSrcset
)

func attrOf(key []byte) int {
	switch string(key) {
	case "id":
		return attrID
	case "name":
		return attrName
	case "rel":
		return attrRel
	case "href":
		return attrHref
	case "src":
		return attrSrc
	case "poster":
		return attrPoster
	case "srcset":
		return attrSrcset
	}
	return attrOther
}

// attr takes one attribute as parse does.
func (t *tag) attr(d *doc, r *refs, k int, v []byte) {
	switch k {
	case attrID:
		if len(v) > 0 {
			d.ids[string(v)] = struct{}{}
		}
	case attrName:
		if t.name == "a" && len(v) > 0 {
			d.ids[string(v)] = struct{}{}
		}
	case attrRel:
		t.rel = v
	case attrHref:
		if t.name == "a" || t.name == "area" || t.name == "link" {
			t.href = v
		}
	case attrSrc:
		if srcTags[t.name] {
			r.add(v)
		}
	case attrPoster:
		if t.name == "video" {
			r.add(v)
		}
	case attrSrcset:
		if t.name == "img" || t.name == "source" {
			for _, u := range srcset(string(v)) {
				r.add([]byte(u))
			}
		}
	}
}

// close ends the start tag, adding its href as parse does.
func (t *tag) close(r *refs) {
	if len(t.href) > 0 && !(t.name == "link" && hintRel(string(t.rel))) {
		r.add(t.href)
	}
	t.rel, t.href = nil, nil
}

// refs gathers a page's link values in one buffer, made into strings that
// share one allocation at the end: a page's few hundred links are one
// object for the garbage collector to trace, not hundreds.
type refs struct {
	buf  []byte
	ends []int
}

func (r *refs) add(v []byte) {
	r.buf = append(r.buf, v...)
	r.ends = append(r.ends, len(r.buf))
}

func (r *refs) strings() []string {
	if len(r.ends) == 0 {
		return nil
	}
	all := string(r.buf)
	out := make([]string, len(r.ends))
	start := 0
	for i, end := range r.ends {
		out[i] = all[start:end]
		start = end
	}
	return out
}

// rawElements are the elements whose text x/net/html reads as raw text
// (tdewolff's lexer, all but the last four).
var rawElements = []string{"script", "style", "textarea", "title", "iframe", "xmp", "noscript", "noembed", "noframes", "plaintext"}

// rawTextOK reports whether the raw text of element name ends where both
// tokenizers end it: it holds no "</" of the element's own name (where the
// end-tag rules differ in detail) and, in a script, no "<!--" (which starts
// the spec's escaped states).
func rawTextOK(name string, text []byte) bool {
	lower := bytes.ToLower(text)
	if bytes.Contains(lower, []byte("</"+name)) {
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
// included); ok is false for a quote left open or a character reference,
// which x/net/html decodes by rules of its own inside attributes.
func attrValue(val []byte) ([]byte, bool) {
	if len(val) > 0 && (val[0] == '"' || val[0] == '\'') {
		if len(val) < 2 || val[len(val)-1] != val[0] {
			return nil, false
		}
		val = val[1 : len(val)-1]
	}
	return val, bytes.IndexByte(val, '&') < 0
}

// svgOK reports whether an inline <svg> the lexer handed over whole can be
// read as a fragment by parse with the same result as in its page: it
// holds no element whose text is raw and no comment or CDATA section.
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
	return true
}
