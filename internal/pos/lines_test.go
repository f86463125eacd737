package pos

import (
	"testing"
	"unicode/utf8"
)

func TestPosition(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		off       int
		line, col int // in characters
		byteCol   int
	}{
		{"Start", "ab\ncd", 0, 1, 1, 1},
		{"SecondLine", "ab\ncd", 4, 2, 2, 2},
		{"NewlineEndsItsLine", "ab\ncd", 2, 1, 3, 3},
		{"LastLineWithoutNewline", "ab\ncd", 5, 2, 3, 3},
		{"EmptyLastLineAfterNewline", "ab\n", 3, 2, 1, 1},
		{"EmptySource", "", 0, 1, 1, 1},
		{"CRLFCarriageReturnIsACharacter", "ab\r\ncd", 3, 1, 4, 4},
		{"CRLFNextLine", "ab\r\ncd", 5, 2, 2, 2},
		{"MultibyteCountsCharacters", "héllo\nwörld", 3, 1, 3, 4},
		{"MultibyteOnSecondLine", "x\nwörld", 5, 2, 3, 4},
		{"FourByteRune", "😀x", 4, 1, 2, 5},
		{"OffsetInsideARuneCountsItsBytes", "é", 1, 1, 2, 2},
		{"InvalidUTF8OneCharacterPerByte", "\xff\xfex", 2, 1, 3, 3},
		{"PastTheEndClamps", "ab\ncd", 99, 2, 3, 3},
		{"NegativeClamps", "ab\ncd", -5, 1, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := New([]byte(tt.src))
			if line, col := l.Position(tt.off); line != tt.line || col != tt.col {
				t.Errorf("Position(%d) = %d:%d, want %d:%d", tt.off, line, col, tt.line, tt.col)
			}
			if line, col := l.BytePosition(tt.off); line != tt.line || col != tt.byteCol {
				t.Errorf("BytePosition(%d) = %d:%d, want %d:%d", tt.off, line, col, tt.line, tt.byteCol)
			}
			if got := l.Line(tt.off); got != tt.line {
				t.Errorf("Line(%d) = %d, want %d", tt.off, got, tt.line)
			}
			if got := l.CharCol(tt.line, tt.byteCol); got != tt.col {
				t.Errorf("CharCol(%d, %d) = %d, want %d", tt.line, tt.byteCol, got, tt.col)
			}
		})
	}
}

func TestColumns(t *testing.T) {
	src := []byte("añb\r\n😀\n")
	tests := []struct {
		name               string
		line, col          int
		offset, byteOffset int
		byteCol, charCol   int // ByteCol(line, col), CharCol(line, col)
		start              int
	}{
		{"FirstCharacter", 1, 1, 0, 0, 1, 1, 0},
		{"AfterMultibyte", 1, 3, 3, 2, 4, 3, 0},
		{"CarriageReturn", 1, 4, 4, 3, 5, 3, 0},
		{"ColumnPastLineEndClampsToNewline", 1, 40, 5, 5, 6, 5, 0},
		{"ColumnBelowOneClamps", 1, -3, 0, 0, 1, 1, 0},
		{"FourByteRune", 2, 2, 10, 7, 5, 2, 6},
		{"EmptyLastLine", 3, 1, 11, 11, 1, 1, 11},
		{"LinePastTheEndClamps", 9, 1, 11, 11, 1, 1, 11},
		{"LineBelowOneClamps", 0, 2, 1, 1, 2, 2, 0},
	}
	l := New(src)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := l.Offset(tt.line, tt.col); got != tt.offset {
				t.Errorf("Offset(%d, %d) = %d, want %d", tt.line, tt.col, got, tt.offset)
			}
			if got := l.ByteOffset(tt.line, tt.col); got != tt.byteOffset {
				t.Errorf("ByteOffset(%d, %d) = %d, want %d", tt.line, tt.col, got, tt.byteOffset)
			}
			if got := l.ByteCol(tt.line, tt.col); got != tt.byteCol {
				t.Errorf("ByteCol(%d, %d) = %d, want %d", tt.line, tt.col, got, tt.byteCol)
			}
			if got := l.CharCol(tt.line, tt.col); got != tt.charCol {
				t.Errorf("CharCol(%d, %d) = %d, want %d", tt.line, tt.col, got, tt.charCol)
			}
			if got := l.Start(tt.line); got != tt.start {
				t.Errorf("Start(%d) = %d, want %d", tt.line, got, tt.start)
			}
		})
	}
	if got := l.Len(); got != 3 {
		t.Errorf("Len() = %d, want 3", got)
	}
	if got := l.End(1); got != 5 {
		t.Errorf("End(1) = %d, want 4 (the offset of the newline)", got)
	}
	if got := l.End(3); got != len(src) {
		t.Errorf("End(3) = %d, want %d", got, len(src))
	}
}

func TestNewAtNumbersTheFilesLines(t *testing.T) {
	l := NewAt([]byte("a\nbé\n"), 7)
	if line, col := l.Position(4); line != 8 || col != 3 {
		t.Errorf("Position(4) = %d:%d, want 8:3", line, col)
	}
	if got := l.Offset(8, 2); got != 3 {
		t.Errorf("Offset(8, 2) = %d, want 3", got)
	}
	if got := l.Offset(1, 1); got != 0 {
		t.Errorf("Offset(1, 1) = %d, want 0 (a line before the first clamps)", got)
	}
	if got := l.Line(99); got != 9 {
		t.Errorf("Line(99) = %d, want 9", got)
	}
}

// naive is the obvious implementation of Lines, which Lines must agree with.
type naive struct {
	src   []byte
	first int
}

// line returns the index of the line holding off and where it starts.
func (n naive) line(off int) (i, start int) {
	off = min(max(off, 0), len(n.src))
	for j := 0; j < off; j++ {
		if n.src[j] == '\n' {
			i, start = i+1, j+1
		}
	}
	return i, start
}

// bounds returns where the line at index i (clamped) starts and ends.
func (n naive) bounds(i int) (start, end int) {
	i = max(i, 0)
	for k := 0; ; k++ {
		end = start
		for end < len(n.src) && n.src[end] != '\n' {
			end++
		}
		if k == i || end == len(n.src) {
			return start, end
		}
		start = end + 1
	}
}

func (n naive) position(off int) (line, col, byteCol int) {
	off = min(max(off, 0), len(n.src))
	i, start := n.line(off)
	return n.first + i, utf8.RuneCount(n.src[start:off]) + 1, off - start + 1
}

func (n naive) offset(line, col int) int {
	start, end := n.bounds(line - n.first)
	off := start
	for c := 1; c < col && off < end; c++ {
		_, size := utf8.DecodeRune(n.src[off:end])
		off += size
	}
	return off
}

func (n naive) byteOffset(line, col int) int {
	start, end := n.bounds(line - n.first)
	return min(start+max(col-1, 0), end)
}

func FuzzLines(f *testing.F) {
	for _, s := range []string{"", "a", "\n", "ab\ncd", "ab\r\ncd\r\n", "héllo\nwörld\n😀", "\xff\n\xe2\x82\n", "\n\n\nx"} {
		f.Add([]byte(s), 3, 2, 2, 1)
	}
	f.Fuzz(func(t *testing.T, src []byte, off, line, col, first int) {
		first = first%1000 + 1
		if first < 1 {
			first += 1000
		}
		// Keep lines and columns near the source, where they are interesting.
		off, line, col = off%(len(src)+3), first+line%(len(src)+3), col%(len(src)+3)
		l, n := NewAt(src, first), naive{src: src, first: first}
		wl, wc, wb := n.position(off)
		if gl, gc := l.Position(off); gl != wl || gc != wc {
			t.Fatalf("Position(%d) = %d:%d, want %d:%d", off, gl, gc, wl, wc)
		}
		if gl, gb := l.BytePosition(off); gl != wl || gb != wb {
			t.Fatalf("BytePosition(%d) = %d:%d, want %d:%d", off, gl, gb, wl, wb)
		}
		if got, want := l.Offset(line, col), n.offset(line, col); got != want {
			t.Fatalf("Offset(%d, %d) = %d, want %d", line, col, got, want)
		}
		bo := n.byteOffset(line, col)
		if got := l.ByteOffset(line, col); got != bo {
			t.Fatalf("ByteOffset(%d, %d) = %d, want %d", line, col, got, bo)
		}
		if _, wantChar, _ := n.position(bo); l.CharCol(line, col) != wantChar {
			t.Fatalf("CharCol(%d, %d) = %d, want %d", line, col, l.CharCol(line, col), wantChar)
		}
		co := n.offset(line, col)
		if _, _, wantByte := n.position(co); l.ByteCol(line, col) != wantByte {
			t.Fatalf("ByteCol(%d, %d) = %d, want %d", line, col, l.ByteCol(line, col), wantByte)
		}
		// Offset inverts Position at the start of a character.
		if off >= 0 && off <= len(src) && (off == len(src) || utf8.RuneStart(src[off])) && validBefore(src, off) {
			pl, pc := l.Position(off)
			if got := l.Offset(pl, pc); got != off {
				t.Fatalf("Offset(Position(%d)) = %d", off, got)
			}
		}
	})
}

// validBefore reports whether the line holding off is valid UTF-8 up to
// off, so that Position's character column names off exactly.
func validBefore(src []byte, off int) bool {
	start := off
	for start > 0 && src[start-1] != '\n' {
		start--
	}
	return utf8.Valid(src[start:off])
}
