package layout

import (
	"bytes"
	"sync"
)

// buffers are the buffers pages are rendered into before they are copied
// out, reused: a page's HTML is tens of kilobytes, grown in steps.
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
