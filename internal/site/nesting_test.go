package site

import (
	"strings"
	"testing"
)

// TestDeepNestingIsAnError: a page whose lists nest past the limit fails
// the build with its file, line and column, with and without shortcodes.
func TestDeepNestingIsAnError(t *testing.T) {
	t.Parallel()
	var deep strings.Builder
	for i := range 2000 {
		deep.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	_, err := buildTxtar(t, `
-- content/a.md --
---
title: A
---
Text.

`+deep.String()+`
-- content/b.md --
---
title: B
---
{{< hi >}}

`+deep.String()+`
-- layouts/shortcodes/hi.html --
<b>hi</b>
`, Options{})
	if err == nil {
		t.Fatal("build succeeded, want a nesting error")
	}
	for _, want := range []string{
		"content/a.md:106:1: lists and block quotes nested 101 deep; the limit is 100",
		"content/b.md:106:1: lists and block quotes nested 101 deep; the limit is 100",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("err = %.500v, want it to contain %q", err, want)
		}
	}
}
