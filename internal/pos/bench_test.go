package pos

import (
	"bytes"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// benchSource is a markdown-like page: 2,000 lines of 40 to 80 bytes,
// some with multibyte characters.
func benchSource() []byte {
	var b bytes.Buffer
	for i := range 2000 {
		b.WriteString(strings.Repeat("word ", 8+i%8))
		if i%5 == 0 {
			b.WriteString("naïve café ")
		}
		b.WriteString("[link](/docs/page/)\n")
	}
	return b.Bytes()
}

// benchOffsets are 200 offsets spread over src, as a page's links are.
func benchOffsets(src []byte) []int {
	offs := make([]int, 200)
	for i := range offs {
		offs[i] = i * len(src) / len(offs)
	}
	return offs
}

// BenchmarkLines builds a page's table and finds the character position
// of its links, as linkcheck's source tracing does.
func BenchmarkLines(b *testing.B) {
	src := benchSource()
	offs := benchOffsets(src)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		l := New(src)
		for _, off := range offs {
			l.Position(off)
		}
	}
}

// BenchmarkLinesBytes builds a page's table and finds the byte position
// of its links, as markdown's link collection does.
func BenchmarkLinesBytes(b *testing.B) {
	src := benchSource()
	offs := benchOffsets(src)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		l := New(src)
		for _, off := range offs {
			l.BytePosition(off)
		}
	}
}

// BenchmarkOldLineStarts is BenchmarkLines with the helper linkcheck had
// before this package (sources.go's lineStarts), for comparison.
func BenchmarkOldLineStarts(b *testing.B) {
	src := benchSource()
	offs := benchOffsets(src)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		ls := oldLineStarts{0}
		for i, c := range src {
			if c == '\n' {
				ls = append(ls, i+1)
			}
		}
		for _, off := range offs {
			ls.lineCol(src, off)
		}
	}
}

// BenchmarkOldLineIndex is BenchmarkLinesBytes with the helper markdown
// had before this package (collect.go's lineIndex), for comparison.
func BenchmarkOldLineIndex(b *testing.B) {
	src := benchSource()
	offs := benchOffsets(src)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		idx := []int{0}
		for i, c := range src {
			if c == '\n' {
				idx = append(idx, i+1)
			}
		}
		for _, off := range offs {
			i := sort.Search(len(idx), func(i int) bool { return idx[i] > off }) - 1
			_ = off - idx[i] + 1
		}
	}
}

type oldLineStarts []int

func (ls oldLineStarts) lineCol(text []byte, off int) (line, col int) {
	off = max(min(off, len(text)), 0)
	i := sort.Search(len(ls), func(i int) bool { return ls[i] > off }) - 1
	return i + 1, utf8.RuneCount(text[ls[i]:off]) + 1
}
