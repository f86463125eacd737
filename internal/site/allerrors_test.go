package site

import (
	"slices"
	"strings"
	"testing"
)

// TestEveryErrorInOneRun: errors of different stages come in one run: a
// page's broken front matter does not hide another page's shortcode
// error, and neither hides a third page's broken link. A link to a page
// that failed to render, or to a heading on it, is not reported on top
// of that page's own error, and a line with an error already gets no
// second report from the link check.
func TestEveryErrorInOneRun(t *testing.T) {
	t.Parallel()
	_, err := buildTxtar(t, `
-- content/a.md --
---
title: A
weight: heavy
---
-- content/b.md --
---
title: B
---
{{< nosuch >}}

## Kept

Body of B.
-- content/c.md --
---
title: C
---
See [nowhere](/nowhere/), [B](/b/) and [B's heading](/b/#kept).
-- content/d.md --
---
title: D
---
See {{< relref "b.md#gone" >}}.
`, Options{})
	if err == nil {
		t.Fatal("a site with errors built")
	}
	got := errorLines(err)
	for _, want := range []string{
		"content/a.md:3:",  // front matter
		"content/b.md:4:",  // the shortcode
		"content/c.md:4:5", // the broken link, though other pages failed
		"content/d.md:4:5", // the ref's anchor
	} {
		if !slices.ContainsFunc(got, func(l string) bool { return strings.HasPrefix(l, want) }) {
			t.Errorf("no error at %s in:\n%s", want, strings.Join(got, "\n"))
		}
	}
	if len(got) != 4 {
		t.Errorf("%d errors, want 4 (one per problem):\n%s", len(got), strings.Join(got, "\n"))
	}
}

// TestTemplatesThatDoNotLoadSayWhatWasNotChecked: when the layouts do not
// load, pages cannot render; the build says so in one line, with the
// template errors and every page's own errors.
func TestTemplatesThatDoNotLoadSayWhatWasNotChecked(t *testing.T) {
	t.Parallel()
	s, err := buildTxtar(t, `
-- layouts/_default/single.html --
{{ define "main" }}{{ .Title }{{ end }}
-- content/a.md --
---
title: A
weight: heavy
---
`, Options{})
	if err == nil {
		t.Fatal("a site with errors built")
	}
	got := errorLines(err)
	if !slices.ContainsFunc(got, func(l string) bool { return strings.HasPrefix(l, "layouts/_default/single.html:1:") }) ||
		!slices.ContainsFunc(got, func(l string) bool { return strings.HasPrefix(l, "content/a.md:3:") }) {
		t.Errorf("want the template's and the page's errors, got:\n%s", strings.Join(got, "\n"))
	}
	var notes int
	for _, w := range s.Warnings {
		if strings.Contains(w.Msg, "were not rendered") {
			notes++
		}
	}
	if notes != 1 {
		t.Errorf("%d lines saying what was not checked, want 1: %v", notes, s.Warnings)
	}
}
