package site

import (
	"strings"
	"testing"
)

// TestInvalidCodeLanguageWarns: a fence whose language is not a language
// name (here 20 KB of x) is plain code, with a warning at its info string,
// in pages with and without shortcodes.
func TestInvalidCodeLanguageWarns(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", 20_000)
	s := mustBuild(t, `
-- content/a.md --
---
title: A
---
Text.

`+"```"+long+`
code
`+"```"+`
-- content/b.md --
---
title: B
---
{{< hi >}} and `+"```"+`

`+"```"+long+`
code
`+"```"+`
-- layouts/shortcodes/hi.html --
<b>hi</b>
`, Options{})
	if strings.Contains(file(t, s, "a/index.html"), "language-") {
		t.Errorf("a/index.html has a language class for an invalid language")
	}
	var got []string
	for _, w := range s.Warnings {
		if strings.Contains(w.Error(), "code block language") {
			got = append(got, w.Error())
		}
	}
	want := []string{"content/a.md:6:4: ", "content/b.md:6:4: "}
	if len(got) != len(want) {
		t.Fatalf("warnings = %q, want %d about the code block language", got, len(want))
	}
	for i, g := range got {
		if !strings.HasPrefix(g, want[i]) || !strings.Contains(g, `"xxx`) || !strings.Contains(g, "…") || len(g) > 400 {
			t.Errorf("warning %d = %.300q, want it at %s quoting a shortened language", i, g, want[i])
		}
	}
}
