package publish

import (
	"strings"
	"testing"
)

// TestFoldASCIIFastPath: fold gives what upper-then-lower casing gives,
// for ASCII paths (its fast path) and for the letters whose cases do not
// round-trip (Kelvin sign, dotted I, sharp s, final sigma).
func TestFoldASCIIFastPath(t *testing.T) {
	t.Parallel()
	for _, p := range []string{"", "a/index.html", "A/Index.HTML", "css/app.3f2a.css", "~!@#$%^&*()_+{}|:<>?`-=[]\\;',./",
		"\u212a/x.html", "İstanbul/index.html", "straße/index.html", "ΣΑΣ/index.html", "bad\xff/x", "MiXeD ünï/ÇASE"} {
		if got, want := fold(p), strings.ToLower(strings.ToUpper(p)); got != want {
			t.Errorf("fold(%q) = %q, want %q", p, got, want)
		}
	}
}
