package linkcheck

import (
	"strings"
	"testing"
)

func TestUnifiedDiff(t *testing.T) {
	t.Parallel()
	lines := func(n int) []string {
		var out []string
		for i := 1; i <= n; i++ {
			out = append(out, "l"+string(rune('a'+i-1)))
		}
		return out
	}
	join := func(ls []string) string { return strings.Join(ls, "\n") + "\n" }
	twelve := lines(12)
	changed := append([]string{}, twelve...)
	changed[1], changed[10] = "B", "K"
	near := append([]string{}, twelve...)
	near[1], near[7] = "B", "H"
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"EqualIsEmpty", "a\n", "a\n", ""},
		{"FarChangesAreTwoHunks", join(twelve), join(changed),
			"--- a/f.md\n+++ b/f.md\n@@ -1,5 +1,5 @@\n la\n-lb\n+B\n lc\n ld\n le\n@@ -8,5 +8,5 @@\n lh\n li\n lj\n-lk\n+K\n ll\n"},
		{"NearChangesAreOneHunk", join(twelve), join(near),
			"--- a/f.md\n+++ b/f.md\n@@ -1,11 +1,11 @@\n la\n-lb\n+B\n lc\n ld\n le\n lf\n lg\n-lh\n+H\n li\n lj\n lk\n"},
		{"CRLFAndNoFinalNewline", "a\r\nb", "a\r\nc", "--- a/f.md\n+++ b/f.md\n@@ -1,2 +1,2 @@\n a\r\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"},
		{"LinesAddedAreOneChange", "a\nb\nc\n", "a\nx\ny\nc\n", "--- a/f.md\n+++ b/f.md\n@@ -1,3 +1,4 @@\n a\n-b\n+x\n+y\n c\n"},
		{"FromEmpty", "", "a\n", "--- a/f.md\n+++ b/f.md\n@@ -0,0 +1,1 @@\n+a\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := UnifiedDiff("f.md", []byte(tc.old), []byte(tc.new)); got != tc.want {
				t.Errorf("UnifiedDiff:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}
