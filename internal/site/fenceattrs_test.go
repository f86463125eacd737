package site

import (
	"strings"
	"testing"
)

// TestFenceAttributesBuild: a code fence's Hugo attributes reach the page
// (line numbers, a title), and an unknown one is a warning at its
// file:line:col, in pages with and without shortcodes (whose placeholders
// shift the markdown the positions are found in).
func TestFenceAttributesBuild(t *testing.T) {
	t.Parallel()
	s := mustBuild(t, `
-- content/a.md --
---
title: A
---
Text.

`+"```go {linenos=table, title=\"main.go\", colour=red}"+`
x := 1
`+"```"+`
-- content/b.md --
---
title: B
---
{{< hi >}} and {{< hi >}}

`+"```go {linenos=table, title=\"main.go\", colour=red}"+`
x := 1
`+"```"+`
-- layouts/shortcodes/hi.html --
<b>hi</b>
`, Options{})
	for _, p := range []string{"a/index.html", "b/index.html"} {
		html := file(t, s, p)
		for _, want := range []string{`<figcaption class="code-title">main.go</figcaption>`, `class="lntable"`, `class="language-go"`} {
			if !strings.Contains(html, want) {
				t.Errorf("%s lacks %s", p, want)
			}
		}
	}
	var got []string
	for _, w := range s.Warnings {
		if strings.Contains(w.Error(), "code block attribute") {
			got = append(got, w.Error())
		}
	}
	want := []string{`content/a.md:6:40: unknown code block attribute "colour"; ignored`, `content/b.md:6:40: unknown code block attribute "colour"; ignored`}
	if len(got) != len(want) {
		t.Fatalf("warnings = %q, want %q", got, want)
	}
	for i := range got {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("warning %d = %q, want %q", i, got[i], want[i])
		}
	}
}
