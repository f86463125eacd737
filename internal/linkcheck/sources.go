package linkcheck

import (
	"net/url"
	"strings"
	"sync"
	"unicode/utf8"
)

// sources traces href, found in the final HTML of page d, to the places
// that wrote it, trying in turn:
//
//  1. the page's markdown links rendered as href (every one of them);
//  2. the literal href in the markdown body (a link in raw HTML);
//  3. the literal href (or, for relURL, href without the base path) in
//     the page's layout files;
//  4. the page's main layout file, without a position (a link built by a
//     template expression), or what produced the file.
func (l *Links) sources(d *doc, href string) []Source {
	p := d.page
	if p == nil {
		return []Source{{File: d.from, Text: href}}
	}
	var out []Source
	want := normURL(href)
	for _, ml := range p.Links {
		if ml.URL == href || normURL(ml.URL) == want {
			out = append(out, Source{File: p.File, Line: ml.Line, Column: ml.Column, Text: ml.Dest})
		}
	}
	if len(out) > 0 {
		return out
	}
	if p.File != "" {
		body := p.Body
		if body == nil && p.LoadBody != nil {
			body = p.LoadBody()
		}
		for _, off := range literal(string(body), href) {
			line, col := lineCol(body, off)
			out = append(out, Source{File: p.File, Line: p.BodyLine + line - 1, Column: col, Text: href})
		}
		if len(out) > 0 {
			return out
		}
	}
	for _, t := range p.Layouts {
		if s, ok := l.tpls.find(t, href, l.base); ok {
			out = append(out, s)
		}
	}
	if len(out) > 0 {
		return out
	}
	switch {
	case len(p.Layouts) > 0:
		return []Source{{File: p.Layouts[0].File, Text: href}}
	case p.File != "":
		return []Source{{File: p.File, Text: href}}
	}
	return []Source{{File: d.from, Text: href}}
}

// normURL makes URLs comparable whatever their percent-encoding.
func normURL(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

// literal returns the offsets of href in text where it stands as a whole
// attribute value or link destination: followed by a quote, ')', '>' or
// white space, so "/a/" does not match inside "/a/b/".
func literal(text, href string) []int {
	var out []int
	for i := 0; len(href) > 0; {
		j := strings.Index(text[i:], href)
		if j < 0 {
			break
		}
		at := i + j
		end := at + len(href)
		if end == len(text) || strings.IndexByte("\"')> \t\n\r", text[end]) >= 0 {
			out = append(out, at)
		}
		i = at + 1
	}
	return out
}

// lineCol converts a byte offset of text to a 1-based line and character
// column.
func lineCol(text []byte, off int) (line, col int) {
	line = 1
	start := 0
	for i := 0; i < off && i < len(text); i++ {
		if text[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return line, utf8.RuneCount(text[start:min(off, len(text))]) + 1
}

// templateIndex remembers where literal hrefs are found in layout files:
// every page of a site shares them, so each file is searched once per href.
type templateIndex struct {
	mu   sync.Mutex
	seen map[[2]string]*Source // (file, href) → first place, nil if absent
}

func newTemplateIndex() *templateIndex {
	return &templateIndex{seen: map[[2]string]*Source{}}
}

// find returns the first place t writes href (or href with base stripped,
// as {{ "css/a.css" | relURL }} does).
func (x *templateIndex) find(t Template, href, base string) (Source, bool) {
	key := [2]string{t.File, href}
	x.mu.Lock()
	s, ok := x.seen[key]
	x.mu.Unlock()
	if ok {
		if s == nil {
			return Source{}, false
		}
		return *s, true
	}
	offs := literal(t.Text, href)
	if len(offs) == 0 && base != "/" && strings.HasPrefix(href, base) {
		offs = literal(t.Text, strings.TrimPrefix(href, base))
	}
	if len(offs) > 0 {
		line, col := lineCol([]byte(t.Text), offs[0])
		s = &Source{File: t.File, Line: line, Column: col, Text: href}
	}
	x.mu.Lock()
	x.seen[key] = s
	x.mu.Unlock()
	if s == nil {
		return Source{}, false
	}
	return *s, true
}
