package linkcheck

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestIgnoreComments checks a page's links against a server on
// 127.0.0.1 (/ok 200, /gone 404, /moved 301 → /ok) and applies the
// page's ignore comments to the results.
func TestIgnoreComments(t *testing.T) {
	t.Parallel()
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(http.ResponseWriter, *http.Request) {})
	mux.HandleFunc("/gone", http.NotFound)
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/ok", http.StatusMovedPermanently) })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	s := srv.URL
	// The body starts on line 4 of the file, after front matter.
	body := strings.ReplaceAll(`<!-- linkcheck-disable-next-line -->
[a]($S/gone?a) [b](#nope)
[c]($S/gone?c)

Text <!-- linkcheck-disable-next-line $S/moved* -->
[d]($S/gone?d) [e]($S/moved)

<!-- linkcheck-disable *?f* -->
[f]($S/gone?f) [g]($S/gone?g)
<!-- linkcheck-enable -->
[h]($S/gone?fh)

`+"```"+`
<!-- linkcheck-disable -->
`+"```"+`
Code: `+"`<!-- linkcheck-disable -->`"+`
[i]($S/gone?i)

<!-- linkcheck-disable-next-line -->
[j]($S/ok)
<!-- linkcheck-disbale -->
<!-- linkcheck-enable -->
<!-- linkcheck-disable-next-line https://offline.example/* -->
[k](https://offline.example/x)
<!-- linkcheck-disable -->
[l]($S/gone?l)
`, "$S", s)
	const file = "content/a.md"
	at := func(mark string) Source {
		line, col := placeOf(t, []byte(body), mark, 0)
		return Source{File: file, Line: line + 3, Column: col}
	}
	var external []Result
	for _, c := range []string{"a", "c", "d", "e", "f", "g", "h", "i", "j", "l"} {
		src := at("[" + c + "]")
		src.Text = s + "/gone?" + c
		switch c {
		case "e":
			src.Text = s + "/moved"
		case "h":
			src.Text = s + "/gone?fh"
		case "j":
			src.Text = s + "/ok"
		}
		external = append(external, Result{URL: src.Text, Kind: External, Sources: []Source{src}})
	}
	NewChecker(ExternalOptions{AfterFunc: neverFires}).Check(context.Background(), external)
	internal := []Result{{URL: "#nope", Kind: Internal, Outcome: Error, Reason: `no anchor "nope"`, Sources: []Source{at("[b]")}}}
	offline := []Result{{URL: "https://offline.example/x", Kind: External, Sources: []Source{at("[k]")}}}

	l := site("/", []Page{{Path: "a/index.html", File: file, Body: []byte(body), BodyLine: 4}}, map[string]string{"a/index.html": ""})
	ig := l.Ignores()
	outcome := map[string]Outcome{}
	for _, r := range append(ig.Apply(internal), ig.Apply(external)...) {
		outcome[r.URL] = r.Outcome
	}
	ig.Unchecked(offline)
	for u, want := range map[string]Outcome{
		s + "/gone?a":  Skipped, // next line
		"#nope":        Skipped, // every kind of link
		s + "/gone?c":  Error,   // the line after the next
		s + "/gone?d":  Error,   // next line, but not the pattern
		s + "/moved":   Skipped, // next line and the pattern
		s + "/gone?f":  Skipped, // in the region and the pattern
		s + "/gone?fh": Error,   // the pattern, after the enable
		s + "/gone?g":  Error,   // in the region, not the pattern
		s + "/gone?i":  Error,   // comments in code are not directives
		s + "/gone?l":  Skipped, // a disable runs to the end of the file
		s + "/ok":      OK,
	} {
		if got := outcome[u]; got != want {
			t.Errorf("%s: outcome %s, want %s", u, got, want)
		}
	}
	var warns []string
	for _, d := range ig.Warnings() {
		warns = append(warns, d.String())
	}
	want := []string{
		"content/a.md:22:1: warning: linkcheck-disable-next-line suppresses nothing; remove it",
		`content/a.md:24:1: warning: unknown directive "linkcheck-disbale": the comment is ignored (hint: did you mean "linkcheck-disable"?)`,
		"content/a.md:25:1: warning: linkcheck-enable without a linkcheck-disable before it; remove it",
	}
	if strings.Join(warns, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(warns, "\n"), strings.Join(want, "\n"))
	}
}

func TestGlobMatch(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		pattern, s string
		want       bool
	}{
		{"https://example.com/*", "https://example.com/a/b?c", true},
		{"https://example.com/*", "https://example.com.evil/a", false},
		{"*example.com*", "https://www.example.com/x", true},
		{"https://a/x", "https://a/x", true},
		{"https://a/x", "https://a/xy", false},
		{"*/gone", "https://a/b/gone", true},
		{"a*b*c", "aXbYbZc", true},
		{"a*b*c", "aXbYcZ", false},
		{"?q=*", "?q=1", true},
		{"*", "", true},
	} {
		if got := globMatch(tc.pattern, tc.s); got != tc.want {
			t.Errorf("globMatch(%q, %q) = %v, want %v", tc.pattern, tc.s, got, tc.want)
		}
	}
}
