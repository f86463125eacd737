// Package pos converts byte offsets of a source to lines and columns, with
// one line table per source, as go/token's File does.
package pos

import (
	"bytes"
	"unicode/utf8"
)

// Lines is the line table of one source: the offsets where its lines
// start, found in one pass when it is made. It converts between byte
// offsets and 1-based lines and columns, in characters (as editors count
// them, and as diagnostics print them) or in bytes.
//
// Lines end after each '\n'; a '\r' before it is a character of its line,
// so a CRLF source has the lines and columns of its LF form up to the
// '\r'. A source ending in '\n' has an empty last line after it.
//
// A column in characters counts the runes before it on its line, plus 1;
// invalid UTF-8 counts one character a byte, as utf8.RuneCount does, and
// so do the bytes of a character that a byte column cuts.
//
// Every method clamps what it is given rather than panic: an offset to
// [0, len(src)], a line to the first and last lines, a column to 1 and
// the end of its line (the column of its '\n', or just past the last byte
// of the source). Each lookup costs O(log lines), plus the runes of the
// line before the column for a column in characters.
//
// Lines keeps src, which must not change while Lines is used. Its methods
// may be called concurrently. Make one with New or NewAt: the zero Lines
// is not usable.
type Lines struct {
	src    []byte
	first  int   // the line number of src's first line
	starts []int // starts[i] is the offset where line first+i starts; starts[0] == 0
}

// New returns the line table of src, whose first line is line 1.
func New(src []byte) *Lines { return NewAt(src, 1) }

// NewAt returns the line table of src, a part of a larger file that starts
// on the file's line first (front matter, a page's body): every line
// Lines takes and returns is the file's.
func NewAt(src []byte, first int) *Lines {
	starts := make([]int, 1, 1+len(src)/32)
	for i := 0; ; {
		nl := bytes.IndexByte(src[i:], '\n')
		if nl < 0 {
			break
		}
		i += nl + 1
		starts = append(starts, i)
	}
	return &Lines{src: src, first: first, starts: starts}
}

// Len returns the number of lines of the source, at least 1.
func (l *Lines) Len() int { return len(l.starts) }

// First returns the number of the source's first line: 1, or NewAt's.
func (l *Lines) First() int { return l.first }

// Line returns the line of offset off.
func (l *Lines) Line(off int) int {
	return l.first + l.index(l.clampOff(off))
}

// Start returns the offset where line starts.
func (l *Lines) Start(line int) int { return l.starts[l.clampLine(line)] }

// End returns the offset where line ends: the offset of its '\n', or
// len(src) for the last line.
func (l *Lines) End(line int) int { return l.end(l.clampLine(line)) }

// Position returns the line and column, in characters, of offset off.
func (l *Lines) Position(off int) (line, col int) {
	off = l.clampOff(off)
	i := l.index(off)
	return l.first + i, utf8.RuneCount(l.src[l.starts[i]:off]) + 1
}

// BytePosition returns the line and column, in bytes, of offset off.
func (l *Lines) BytePosition(off int) (line, col int) {
	off = l.clampOff(off)
	i := l.index(off)
	return l.first + i, off - l.starts[i] + 1
}

// CharCol returns the column in characters of byte column col on line.
func (l *Lines) CharCol(line, col int) int {
	i := l.clampLine(line)
	start := l.starts[i]
	off := start + min(max(col, 1)-1, l.end(i)-start)
	return utf8.RuneCount(l.src[start:off]) + 1
}

// ByteCol returns the byte column of column col, in characters, on line.
func (l *Lines) ByteCol(line, col int) int {
	i := l.clampLine(line)
	return l.charOffset(i, col) - l.starts[i] + 1
}

// Offset returns the offset of line and column col, in characters: the
// inverse of Position for an offset at the start of a character.
func (l *Lines) Offset(line, col int) int {
	return l.charOffset(l.clampLine(line), col)
}

// ByteOffset returns the offset of line and byte column col. It is the
// inverse of BytePosition.
func (l *Lines) ByteOffset(line, col int) int {
	i := l.clampLine(line)
	start := l.starts[i]
	return start + min(max(col, 1)-1, l.end(i)-start)
}

// charOffset returns the offset of column col, in characters, on the line
// at index i.
func (l *Lines) charOffset(i, col int) int {
	off, end := l.starts[i], l.end(i)
	for n := 1; n < col && off < end; n++ {
		if c := l.src[off]; c < utf8.RuneSelf {
			off++
			continue
		}
		_, size := utf8.DecodeRune(l.src[off:end])
		off += size
	}
	return off
}

// index returns the index in starts of the line holding off, which is in
// [0, len(src)]: the last start at or before off.
func (l *Lines) index(off int) int {
	lo, hi := 0, len(l.starts) // starts[lo] <= off < starts[hi]
	for hi-lo > 1 {
		m := int(uint(lo+hi) >> 1)
		if l.starts[m] <= off {
			lo = m
		} else {
			hi = m
		}
	}
	return lo
}

// end returns the offset where the line at index i ends.
func (l *Lines) end(i int) int {
	if i+1 < len(l.starts) {
		return l.starts[i+1] - 1
	}
	return len(l.src)
}

func (l *Lines) clampOff(off int) int { return min(max(off, 0), len(l.src)) }

// clampLine returns the index in starts of line, clamped.
func (l *Lines) clampLine(line int) int {
	return min(max(line-l.first, 0), len(l.starts)-1)
}
