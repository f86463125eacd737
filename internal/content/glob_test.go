package content

import (
	"strings"
	"testing"
)

func TestGlob(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pattern, s string
		want       bool
	}{
		{"/docs", "/docs", true},
		{"/docs", "/DOCS", true}, // case-insensitive
		{"/Docs/**", "/docs/a/b", true},
		{"/docs/**", "/docs", false},
		{"/docs/*", "/docs/a", true},
		{"/docs/*", "/docs/a/b", false}, // * stops at /
		{"/docs/*/**", "/docs/a", false},
		{"/docs/*/**", "/docs/a/b", true},
		{"**", "/anything/at/all", true},
		{"/v?", "/v3", true},
		{"/v?", "/v/", false}, // ? is not /
		{"{/docs,/docs/**}", "/docs", true},
		{"{/docs,/docs/**}", "/docs/x/y", true},
		{"{/docs,/docs/**}", "/doc", false},
		{"{home,section}", "section", true},
		{"{home,section}", "page", false},
		{"/v{1,{2,3}}", "/v3", true}, // nested braces
		{"/v[0-9]", "/v7", true},
		{"/v[!0-9]", "/v7", false},
		{"/v[!0-9]", "/vx", true},
		{`/a\*b`, "/a*b", true},
		{`/a\*b`, "/axb", false},
		{"", "", true},
		{"", "x", false},
	}
	for _, tt := range tests {
		g, err := compileGlob(tt.pattern)
		if err != nil {
			t.Errorf("compileGlob(%q): %v", tt.pattern, err)
			continue
		}
		if got := g.match(tt.s); got != tt.want {
			t.Errorf("glob %q match %q = %v, want %v", tt.pattern, tt.s, got, tt.want)
		}
	}
}

func TestGlobErrors(t *testing.T) {
	t.Parallel()
	for _, p := range []string{"{a,b", "a}", "[ab", `a\`, "[z-a]", "{a,b,c,d,e,f,g,h,i,j}{a,b,c,d,e,f,g,h,i,j}{a,b,c,d,e,f,g,h,i,j}"} {
		if _, err := compileGlob(p); err == nil {
			t.Errorf("compileGlob(%q): no error", p)
		}
	}
}

// FuzzGlob checks that no pattern makes compileGlob or match panic, and
// that a pattern without special characters matches itself.
func FuzzGlob(f *testing.F) {
	for _, s := range []string{"/docs/**", "{/a,/a/**}", "[!a-z]?", `\{x\}`, "{a,{b,c}}*", "[", "{", "}"} {
		f.Add(s, "/docs/a")
	}
	f.Fuzz(func(t *testing.T, pattern, s string) {
		g, err := compileGlob(pattern)
		if err != nil {
			return
		}
		g.match(s)
		if !strings.ContainsAny(pattern, `*?[]{},\`) && !g.match(pattern) {
			t.Errorf("glob %q does not match itself", pattern)
		}
	})
}
