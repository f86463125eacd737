package outline

import (
	"strings"
	"testing"
)

func TestCollapseIsFieldsJoined(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"", " ", "a", " a", "a ", "a b", "a  b", "a\nb", "\t a \n b \r\n", "a\u00a0b", "a\u0085b",
		"a\u2003b", "\u3000x\u3000", "é è", "a\xffb", "\xff \xfe", "a \xe2\x80", "x\v\fy", "one two three",
	} {
		if got, want := collapse(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapse(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzCollapse(f *testing.F) {
	f.Add("a  b\n c")
	f.Add(" \u00a0x\xff ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapse(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapse(%q) = %q, want %q", s, got, want)
		}
	})
}

func BenchmarkCollapse(b *testing.B) {
	s := strings.Repeat("  Some words of a paragraph,\n  with `code` and\tmore words.  \n", 40)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		collapse(s)
	}
}

func BenchmarkCollapseFields(b *testing.B) {
	s := strings.Repeat("  Some words of a paragraph,\n  with `code` and\tmore words.  \n", 40)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		_ = strings.Join(strings.Fields(s), " ")
	}
}
