// Package bufpool reuses the buffers pages are rendered into: a page's
// HTML is tens of kilobytes, grown in steps, once per page per build.
package bufpool

import (
	"bytes"
	"sync"
)

var buffers sync.Pool

// maxPooled is the largest buffer Put keeps for reuse.
const maxPooled = 1 << 20

// Get returns an empty buffer, one Put gave back when there is one.
func Get() *bytes.Buffer {
	if b, ok := buffers.Get().(*bytes.Buffer); ok {
		return b
	}
	return new(bytes.Buffer)
}

// Put gives b back for reuse; the caller must not use b, or any slice of
// its bytes, again.
func Put(b *bytes.Buffer) {
	if b.Cap() <= maxPooled {
		b.Reset()
		buffers.Put(b)
	}
}
