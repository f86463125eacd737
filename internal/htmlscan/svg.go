package htmlscan

import (
	"bytes"
	"sync"
)

// Inline SVGs are read by x/net/html, twice (svgOK, then Tokenize), which
// costs far more than the rest of a page; and a theme puts the same icons
// on every page. svgCache remembers, by their bytes, whether an SVG can be
// read and its tokens, and hands them over again.
var svgCache struct {
	sync.RWMutex
	m     map[string]*svgTokens
	bytes int
}

// Bounds of svgCache: an SVG longer than maxCachedSVG, or one past
// maxSVGCacheBytes, is read every time.
const (
	maxCachedSVG     = 16 << 10
	maxSVGCacheBytes = 4 << 20
)

// svgTokens is what Scan makes of one inline SVG.
type svgTokens struct {
	ok     bool // svgOK
	events []svgEvent
}

// svgEvent is one call of a Visitor.
type svgEvent struct {
	kind  byte // 's' Start, 'e' End, 't' Text
	name  []byte
	attrs []Attr
	text  []byte
	self  bool
}

// scanSVG hands the tokens of inline SVG data to v as Tokenize would, and
// reports whether svgOK holds.
func scanSVG(data []byte, v Visitor) bool {
	if len(data) > maxCachedSVG {
		if !svgOK(data) {
			return false
		}
		Tokenize(data, v)
		return true
	}
	svgCache.RLock()
	t := svgCache.m[string(data)]
	svgCache.RUnlock()
	if t == nil {
		t = &svgTokens{ok: svgOK(data)}
		if t.ok {
			var r svgRecorder
			Tokenize(data, &r)
			t.events = r.events
		}
		svgCache.Lock()
		if svgCache.m == nil {
			svgCache.m = map[string]*svgTokens{}
		}
		if svgCache.bytes+2*len(data) <= maxSVGCacheBytes {
			svgCache.m[string(data)] = t
			svgCache.bytes += 2 * len(data) // the key and, about, the tokens
		}
		svgCache.Unlock()
	}
	if !t.ok {
		return false
	}
	for _, e := range t.events {
		switch e.kind {
		case 's':
			v.Start(e.name, e.attrs, e.self)
		case 'e':
			v.End(e.name)
		default:
			v.Text(e.text)
		}
	}
	return true
}

// svgRecorder is a Visitor that keeps copies of what it is handed.
type svgRecorder struct{ events []svgEvent }

func (r *svgRecorder) Start(name []byte, attrs []Attr, self bool) {
	kept := make([]Attr, len(attrs))
	for i, a := range attrs {
		kept[i] = Attr{Key: bytes.Clone(a.Key), Val: bytes.Clone(a.Val)}
	}
	r.events = append(r.events, svgEvent{kind: 's', name: bytes.Clone(name), attrs: kept, self: self})
}

func (r *svgRecorder) End(name []byte) {
	r.events = append(r.events, svgEvent{kind: 'e', name: bytes.Clone(name)})
}

func (r *svgRecorder) Text(text []byte) {
	r.events = append(r.events, svgEvent{kind: 't', text: bytes.Clone(text)})
}
