package pos

import "unicode/utf8"

// Cursor answers Lines.CharCol for positions that come in document order
// (the links of a page, as a renderer finds them) in one forward pass: it
// keeps the line it is on and a byte offset on it, at a character
// boundary, that it has counted characters up to. Many positions on one
// long line then cost O(line), not O(positions × line). A position before
// the cursor's starts over from its line's start. A Cursor is not safe
// for concurrent use.
type Cursor struct {
	l       *Lines
	i       int // the index of the line it is on
	off     int // an offset on that line, at a character boundary
	chars   int // characters from the line's start to off
	scanned int // bytes counted, for tests of its cost
}

// Cursor returns a cursor at the start of the source.
func (l *Lines) Cursor() *Cursor { return &Cursor{l: l} }

// CharCol is l.CharCol(line, col).
func (c *Cursor) CharCol(line, col int) int {
	l := c.l
	i := l.clampLine(line)
	start := l.starts[i]
	target := start + min(max(col, 1)-1, l.end(i)-start)
	if i != c.i || target < c.off {
		c.i, c.off, c.chars = i, start, 0
	}
	for c.off < target {
		size := 1
		if l.src[c.off] >= utf8.RuneSelf {
			_, size = utf8.DecodeRune(l.src[c.off:])
		}
		if c.off+size > target {
			break // a character the column cuts: its bytes count one each
		}
		c.off += size
		c.scanned += size
		c.chars++
	}
	return c.chars + (target - c.off) + 1
}
