package highlight

import "testing"

// TestSourceCut: a cut is the text chroma would make from the same runes,
// for ASCII, other UTF-8 and text that is not UTF-8.
func TestSourceCut(t *testing.T) {
	for _, s := range []string{"", "abc := 1\n", "é🙂x\n", "a\xffb\xfe", "\xff"} {
		src := newSource(s)
		for i := 0; i <= len(src.runes); i++ {
			for n := 0; i+n <= len(src.runes); n++ {
				if got, want := src.cut(i, n), string(src.runes[i:i+n]); got != want {
					t.Errorf("%q: cut(%d, %d) = %q, want %q", s, i, n, got, want)
				}
			}
		}
	}
	src := newSource("x")
	a, b := src.strings(2), src.strings(3)
	a = append(a, "grown")
	if b[0] != "" || len(a) != 3 {
		t.Error("room handed out twice")
	}
}
