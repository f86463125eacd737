package linkcheck

import (
	"github.com/quire-docs/quire/internal/htmlscan"
)

// parseFast is parse on htmlscan, about three times faster than x/net/html;
// ok is false where htmlscan leaves the file to x/net/html, and parse
// then reads it. FuzzParseFast holds the two to the same ids and links.
func parseFast(data []byte) (_ *doc, ok bool) {
	c := collector{d: &doc{ids: map[string]struct{}{}}}
	if !htmlscan.Scan(data, &c) {
		return nil, false
	}
	c.d.refs = c.refs.strings()
	return c.d, true
}

// collector is parse's work as an htmlscan.Visitor.
type collector struct {
	d    *doc
	refs refs
}

func (c *collector) Start(name []byte, attrs []htmlscan.Attr, _ bool) {
	tag := tagName(name)
	var rel, href []byte
	for _, a := range attrs {
		switch string(a.Key) {
		case "id":
			if len(a.Val) > 0 {
				c.d.ids[string(a.Val)] = struct{}{}
			}
		case "name":
			if tag == "a" && len(a.Val) > 0 {
				c.d.ids[string(a.Val)] = struct{}{}
			}
		case "rel":
			rel = a.Val
		case "href":
			if tag == "a" || tag == "area" || tag == "link" {
				href = a.Val
			}
		case "src":
			if srcTags[tag] {
				c.refs.add(a.Val)
			}
		case "poster":
			if tag == "video" {
				c.refs.add(a.Val)
			}
		case "srcset":
			if tag == "img" || tag == "source" {
				for _, u := range srcset(string(a.Val)) {
					c.refs.add([]byte(u))
				}
			}
		}
	}
	if len(href) > 0 && !(tag == "link" && hintRel(string(rel))) {
		c.refs.add(href)
	}
}

func (c *collector) End([]byte)  {}
func (c *collector) Text([]byte) {}

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

// knownTags are the elements parse looks at by name.
var knownTags = []string{"a", "area", "link", "img", "script", "iframe", "source", "video", "audio", "track", "embed", "input"}

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
