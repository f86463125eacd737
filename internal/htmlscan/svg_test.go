package htmlscan

import (
	"strings"
	"testing"
)

// TestSVGCache: an inline SVG read again, in the same page or another,
// gives x/net/html's tokens every time, and one Scan must give up on is
// given up on every time.
func TestSVGCache(t *testing.T) {
	t.Parallel()
	icon := `<svg class="icon" viewBox="0 0 24 24"><text x="1">Copy &amp; paste</text><path d="M1 1h22"/></svg>`
	page := `<!doctype html><p>` + icon + `<a href="/a/">a</a>` + icon + `</p>`
	for range 3 {
		var got recorder
		if !Scan([]byte(page), &got) {
			t.Fatal("Scan gave up on a page with an inline SVG")
		}
		if want := reference([]byte(page)); got.String() != want {
			t.Fatalf("Scan:\n%s\nx/net/html:\n%s", got.String(), want)
		}
	}
	bad := `<p><svg><style>a{}</style></svg></p>`
	for range 3 {
		if Scan([]byte(bad), &recorder{}) {
			t.Fatal("Scan read an SVG it must leave to x/net/html")
		}
	}
	long := `<p><svg>` + strings.Repeat(`<path d="M1 1"/>`, maxCachedSVG/16+1) + `</svg></p>`
	var got recorder
	if !Scan([]byte(long), &got) || got.String() != reference([]byte(long)) {
		t.Error("an SVG too long to remember is read as x/net/html reads it")
	}
}

// FuzzOnlyDoctypes: onlyDoctypes is "every <! begins <!doctype, in any
// case".
func FuzzOnlyDoctypes(f *testing.F) {
	for _, s := range []string{"<!doctype html><p>", "<!DOCTYPE", "<!-- x -->", "a!<b!", "<!<!doctype", "<!doctyp", "!<!"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := true
		for i := 0; i+1 < len(s); i++ {
			if s[i] == '<' && s[i+1] == '!' && (len(s) < i+9 || !strings.EqualFold(s[i+2:i+9], "doctype")) {
				want = false
			}
		}
		if got := onlyDoctypes([]byte(s)); got != want {
			t.Errorf("onlyDoctypes(%q) = %v, want %v", s, got, want)
		}
	})
}

// TestSVGRecorderSize: what the cache counts of a recorded SVG is at least
// the bytes it copied and a slot for each event and attribute.
func TestSVGRecorderSize(t *testing.T) {
	t.Parallel()
	svg := `<svg viewBox="0 0 24 24"><path d="M1 1h22"/></svg>`
	var r svgRecorder
	Tokenize([]byte(svg), &r)
	copied := 0
	for _, e := range r.events {
		copied += len(e.name) + len(e.text)
		for _, a := range e.attrs {
			copied += len(a.Key) + len(a.Val)
		}
	}
	if min := copied + len(r.events)*svgEventSize + 2*svgAttrSize; len(r.events) != 3 || r.size < min {
		t.Errorf("%d events counted as %d bytes, want at least %d", len(r.events), r.size, min)
	}
}
