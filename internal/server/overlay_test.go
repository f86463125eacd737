package server

import (
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/diag"
)

// TestOverlayEscapesControlCharacters: a file name, message or hint
// holding ESC, a newline, a C1 control or a bidi override shows escaped
// in the overlay, and its HTML is escaped too.
func TestOverlayEscapesControlCharacters(t *testing.T) {
	t.Parallel()
	st := &state{errors: []*diag.Diagnostic{
		diag.Errorf("content/a\x1b[2J.md", 1, 1, "no page /a\n::warning::<b>x</b>\u202e").WithHint("see \u009b/"),
	}}
	got := overlay(st)
	for _, bad := range []string{"\x1b", "\n::warning", "\u202e", "\u009b", "<b>"} {
		if strings.Contains(got, bad) {
			t.Errorf("overlay holds %q raw:\n%s", bad, got)
		}
	}
	for _, want := range []string{`content/a\x1b[2J.md:1:1`, `no page /a\n::warning::&lt;b&gt;x&lt;/b&gt;\u202e`, `see \u009b/`} {
		if !strings.Contains(got, want) {
			t.Errorf("overlay lacks %q:\n%s", want, got)
		}
	}
}
