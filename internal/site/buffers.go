package site

import (
	"bytes"
	"sync"
)

// buffers are the buffers pages' HTML is rendered into before it is
// minified, reused: a page is tens of kilobytes, grown in steps.
var buffers sync.Pool

// maxPooled is the largest buffer put back for reuse.
const maxPooled = 1 << 20

func getBuffer() *bytes.Buffer {
	if b, ok := buffers.Get().(*bytes.Buffer); ok {
		return b
	}
	return new(bytes.Buffer)
}

func putBuffer(b *bytes.Buffer) {
	if b.Cap() <= maxPooled {
		b.Reset()
		buffers.Put(b)
	}
}

// sameArray reports whether a and b share their backing array (slices of
// one array end their capacity at the same element).
func sameArray(a, b []byte) bool {
	if cap(a) == 0 || cap(b) == 0 {
		return false
	}
	return &a[:cap(a)][cap(a)-1] == &b[:cap(b)][cap(b)-1]
}
