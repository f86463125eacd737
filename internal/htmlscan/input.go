package htmlscan

import "sync"

// inputs are the lexer's copies of the pages it reads, reused: a fresh
// copy of every page, twice per page per build (the link check's and the
// outline's scans), was most of what Scan allocated.
var inputs sync.Pool

// maxPooledInput is the largest copy putInput keeps for reuse.
const maxPooledInput = 1 << 20

// copyInput returns a copy of data with room for the NUL the lexer writes
// past its end, so the lexer does not copy it again.
func copyInput(data []byte) *[]byte {
	p, _ := inputs.Get().(*[]byte)
	if p == nil {
		p = new([]byte)
	}
	if cap(*p) < len(data)+1 {
		*p = make([]byte, len(data), len(data)+1+len(data)/4)
	}
	*p = (*p)[:len(data)]
	copy(*p, data)
	return p
}

// putInput gives a copy back for reuse, once nothing the lexer returned
// is in use: Visitors get slices valid only during their calls.
func putInput(p *[]byte) {
	if cap(*p) <= maxPooledInput {
		inputs.Put(p)
	}
}
