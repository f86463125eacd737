package pos

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestCursorMatchesCharCol: a Cursor gives Lines.CharCol's answer for
// positions in document order, out of order, past a line's end and past
// the last line.
func TestCursorMatchesCharCol(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(5, 6))
	words := []string{"a", "Zoë", "日本", "\r\n", " ", "\n", "\xff", "🙂"}
	for range 500 {
		var b strings.Builder
		for range rng.IntN(60) {
			b.WriteString(words[rng.IntN(len(words))])
		}
		first := 1 + rng.IntN(4)
		l := NewAt([]byte(b.String()), first)
		c := l.Cursor()
		line := first
		for range 20 {
			if rng.IntN(5) == 0 {
				line = first - 1 + rng.IntN(l.Len()+3)
			} else {
				line += rng.IntN(2)
			}
			col := rng.IntN(14)
			if got, want := c.CharCol(line, col), l.CharCol(line, col); got != want {
				t.Fatalf("source %q: CharCol(%d, %d) = %d, want %d", b.String(), line, col, got, want)
			}
		}
	}
}

// TestCursorLinear: positions in order on one line are counted in one
// pass, however many there are. The count is of bytes, not time.
func TestCursorLinear(t *testing.T) {
	t.Parallel()
	for _, one := range []string{"[x](y.md) ", "[日本](y.md) Zoë "} {
		const n = 20000
		src := strings.Repeat(one, n) + "\nnext"
		l := New([]byte(src))
		c := l.Cursor()
		for i := range n {
			col := 1 + i*len(one)
			if got, want := c.CharCol(1, col), l.CharCol(1, col); got != want {
				t.Fatalf("%q: link %d: column %d, want %d", one, i, got, want)
			}
		}
		if c.scanned > 2*len(src) {
			t.Errorf("%q: counted %d bytes of a %d-byte source for %d positions", one, c.scanned, len(src), n)
		}
	}
}
