package linkcheck

import (
	"html"
	"net/url"
	"strings"
	"sync"

	"github.com/quire-docs/quire/internal/pos"
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
	ps := l.pageSources(p)
	var out []Source
	for _, i := range ps.byURL()[normURL(href)] {
		ml := p.Links[i]
		out = append(out, Source{File: p.File, Line: ml.Line, Column: ml.Column, Text: ml.Dest})
	}
	if len(out) > 0 {
		return out
	}
	if p.File != "" {
		body, lines, words := ps.body()
		offs := words[href]
		if offs == nil {
			offs = literal(string(body), href)
		}
		for _, off := range offs {
			line, col := lines.Position(off)
			out = append(out, Source{File: p.File, Line: line, Column: col, Text: href})
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

// pageSources is what sources looks up in one page, built on first use
// and shared by every link of the page, so tracing n links of a page costs
// O(n) lookups rather than n passes over its links.
type pageSources struct {
	p *Page

	urlOnce sync.Once
	urls    map[string][]int // normURL of each markdown link's URL → its indexes in p.Links

	bodyOnce sync.Once
	text     []byte
	lines    *pos.Lines       // of text, numbered as the page's file
	words    map[string][]int // literalWords of text
}

// pageSources returns p's lookups, the same for every call with p.
func (l *Links) pageSources(p *Page) *pageSources {
	if v, ok := l.pages.Load(p); ok {
		return v.(*pageSources)
	}
	v, _ := l.pages.LoadOrStore(p, &pageSources{p: p})
	return v.(*pageSources)
}

func (ps *pageSources) byURL() map[string][]int {
	ps.urlOnce.Do(func() {
		ps.urls = make(map[string][]int, len(ps.p.Links))
		for i, ml := range ps.p.Links {
			k := normURL(ml.URL)
			ps.urls[k] = append(ps.urls[k], i)
			if d := normURL(decodeDest(ml.URL)); d != k {
				ps.urls[d] = append(ps.urls[d], i) // as rendered
			}
		}
	})
	return ps.urls
}

// body returns the page's markdown body, its line table (made once), and
// its literal words.
func (ps *pageSources) body() ([]byte, *pos.Lines, map[string][]int) {
	ps.bodyOnce.Do(func() {
		ps.text = ps.p.Body
		ps.lines = pos.NewAt(ps.text, ps.p.BodyLine)
		ps.words = literalWords(ps.text)
	})
	return ps.text, ps.lines, ps.words
}

// literalWords indexes what literal finds in text for the usual ways of
// writing a link, in one pass: each run of text that starts after a
// quote, '(', '<', '>', '=' or white space and ends before a quote, ')',
// '>' or white space (or the end), by the offsets it is at. An href
// written as a whole attribute value or destination is one; a lookup
// that finds nothing falls back to literal.
func literalWords(text []byte) map[string][]int {
	const maxInner = 8 // starts inside one run indexed, so odd text costs O(len)
	words := map[string][]int{}
	str := string(text) // one copy; words are slices of it
	isEnd := func(c byte) bool { return strings.IndexByte("\"')> \t\n\r", c) >= 0 }
	seg := 0 // the start of the run of non-end bytes being read
	var inner []int
	for i := 0; i <= len(str); i++ {
		if i < len(str) && !isEnd(str[i]) {
			if c := str[i]; (c == '(' || c == '<' || c == '=') && i+1 < len(str) {
				inner = append(inner, i+1)
			}
			continue
		}
		if seg < i {
			words[str[seg:i]] = append(words[str[seg:i]], seg)
			for _, j := range inner[max(len(inner)-maxInner, 0):] {
				if j < i {
					words[str[j:i]] = append(words[str[j:i]], j)
				}
			}
		}
		seg, inner = i+1, inner[:0]
	}
	return words
}

// decodeDest is a markdown destination as written (its backslash
// escapes and entity references as they are, as MarkdownLink.URL keeps
// them) as the renderer writes it into the href: escapes of ASCII
// punctuation and references decoded.
func decodeDest(s string) string {
	if !strings.ContainsAny(s, `\&`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return html.UnescapeString(b.String())
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
		line, col := pos.New([]byte(t.Text)).Position(offs[0])
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
