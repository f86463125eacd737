package htmlscan

import (
	"bytes"
	"sync"
	"unsafe"
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
// reports whether svgOK holds. An SVG that is too long to remember, or
// that finds the cache full, is read as it would be without the cache.
func scanSVG(data []byte, v Visitor) bool {
	svgCache.RLock()
	t := svgCache.m[string(data)]
	full := svgCache.bytes+len(data) > maxSVGCacheBytes
	svgCache.RUnlock()
	if t == nil && (len(data) > maxCachedSVG || full) {
		if !svgOK(data) {
			return false
		}
		Tokenize(data, v)
		return true
	}
	if t == nil {
		t = &svgTokens{ok: svgOK(data)}
		size := len(data) // the key
		if t.ok {
			var r svgRecorder
			Tokenize(data, &r)
			t.events, size = r.events, size+r.size
		}
		svgCache.Lock()
		if svgCache.m == nil {
			svgCache.m = map[string]*svgTokens{}
		}
		if _, there := svgCache.m[string(data)]; !there && svgCache.bytes+size <= maxSVGCacheBytes {
			svgCache.m[string(data)] = t
			svgCache.bytes += size
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

// svgRecorder is a Visitor that keeps copies of what it is handed, and
// about how many bytes they take.
type svgRecorder struct {
	events []svgEvent
	size   int
}

// Sizes of what svgRecorder keeps besides the bytes it copies: an event,
// an attribute.
const (
	svgEventSize = int(unsafe.Sizeof(svgEvent{}))
	svgAttrSize  = int(unsafe.Sizeof(Attr{}))
)

func (r *svgRecorder) Start(name []byte, attrs []Attr, self bool) {
	kept := make([]Attr, len(attrs))
	for i, a := range attrs {
		kept[i] = Attr{Key: bytes.Clone(a.Key), Val: bytes.Clone(a.Val)}
	}
	r.events = append(r.events, svgEvent{kind: 's', name: bytes.Clone(name), attrs: kept, self: self})
	r.size += svgEventSize + len(name) + len(attrs)*svgAttrSize
	for _, a := range attrs {
		r.size += len(a.Key) + len(a.Val)
	}
}

func (r *svgRecorder) End(name []byte) {
	r.events = append(r.events, svgEvent{kind: 'e', name: bytes.Clone(name)})
	r.size += svgEventSize + len(name)
}

func (r *svgRecorder) Text(text []byte) {
	r.events = append(r.events, svgEvent{kind: 't', text: bytes.Clone(text)})
	r.size += svgEventSize + len(text)
}
