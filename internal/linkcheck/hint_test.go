package linkcheck

import (
	"bytes"
	"strings"
	"testing"
)

// TestHintInEveryFormat checks that a result's hint (the https:// URL to
// use, an archived copy) reaches the reader in every report format.
func TestHintInEveryFormat(t *testing.T) {
	t.Parallel()
	r := NewReport(nil, 0, []Result{
		{URL: "https://example.com/gone", Kind: External, Outcome: Error, Status: 404, Reason: "404 Not Found",
			Hint:    "archived copies: https://archive.example/web/https://example.com/gone",
			Sources: []Source{{File: "content/a.md", Line: 3, Column: 1}}},
		{URL: "http://example.com/plain", Kind: External, Outcome: Warning, Status: 200, Reason: "plain HTTP, and the host serves HTTPS",
			Hint:    "use https://example.com/plain",
			Sources: []Source{{File: "content/a.md", Line: 4, Column: 1}}},
	})
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			if err := r.Write(&buf, format); err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"archived copies: https://archive.example/web/https://example.com/gone", "use https://example.com/plain"} {
				if !strings.Contains(buf.String(), want) {
					t.Errorf("no hint %q in\n%s", want, buf.String())
				}
			}
		})
	}
	var buf bytes.Buffer
	r.Write(&buf, "text")
	if want := `content/a.md:3:1: broken link "https://example.com/gone": 404 Not Found (hint: archived copies: https://archive.example/web/https://example.com/gone)`; !strings.Contains(buf.String(), want) {
		t.Errorf("text report lacks %q:\n%s", want, buf.String())
	}
}
