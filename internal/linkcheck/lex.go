package linkcheck

import (
	"iter"
	"slices"
	"sync"

	"github.com/quire-docs/quire/internal/htmlscan"
)

// parseFast is parse with htmlscan's Scan, about three times faster than
// x/net/html; ok is false where Scan leaves the file to x/net/html, and
// parse then reads it. FuzzParseFast holds the two to the same ids and
// links.
func parseFast(data []byte) (_ *doc, ok bool) {
	c := newCollector()
	if !htmlscan.Scan(data, c) {
		c.release()
		return nil, false
	}
	return c.done(), true
}

// collector gathers a page's ids and links from its tokens.
type collector struct {
	d    *doc
	refs refs
}

func newCollector() *collector {
	c := &collector{d: &doc{ids: map[string]struct{}{}}}
	if b, ok := refBufs.Get().(*[]byte); ok {
		c.refs.buf = (*b)[:0]
	}
	return c
}

// done returns the doc. The collector's buffer goes back to refBufs: the
// doc holds a copy of its text.
func (c *collector) done() *doc {
	c.d.refs = c.refs.list()
	c.release()
	return c.d
}

// release gives the collector's buffer back to refBufs.
func (c *collector) release() {
	if cap(c.refs.buf) <= maxPooledRefs {
		buf := c.refs.buf[:0]
		refBufs.Put(&buf)
	}
	c.refs.buf = nil
}

// refBufs are the buffers the collectors gather pages' links in, reused:
// a page's few hundred links grew a new buffer many times over.
var refBufs sync.Pool

// maxPooledRefs is the largest buffer done gives back for reuse.
const maxPooledRefs = 1 << 20

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
func (c *collector) TagsOnly()   {}

// tagName returns name when it is one parse looks at, and "" for the
// rest, without allocating: a switch on string(name) makes no string, and
// it is called for every tag of every page.
func tagName(name []byte) string {
	switch string(name) {
	case "a":
		return "a"
	case "area":
		return "area"
	case "link":
		return "link"
	case "img":
		return "img"
	case "script":
		return "script"
	case "iframe":
		return "iframe"
	case "source":
		return "source"
	case "video":
		return "video"
	case "audio":
		return "audio"
	case "track":
		return "track"
	case "embed":
		return "embed"
	case "input":
		return "input"
	}
	return ""
}

// refs gathers a page's link values in one buffer. A page's few hundred
// links become one string and a list of where each ends, which hold no
// pointers for the garbage collector to trace, not hundreds of strings.
type refs struct {
	buf  []byte
	ends []uint32
}

func (r *refs) add(v []byte) {
	r.buf = append(r.buf, v...)
	r.ends = append(r.ends, uint32(len(r.buf)))
}

func (r *refs) list() refList {
	return refList{text: string(r.buf), ends: slices.Clip(r.ends)}
}

// refList is a page's links in document order.
type refList struct {
	text string
	ends []uint32
}

// all yields the links in order.
func (l refList) all() iter.Seq[string] {
	return func(yield func(string) bool) {
		start := uint32(0)
		for _, end := range l.ends {
			if !yield(l.text[start:end]) {
				return
			}
			start = end
		}
	}
}
