package site

import (
	"strings"
	"testing"
)

// TestOneIndexForEveryReference: a leaf bundle whose page is
// index.markdown (not index.md) is found by a markdown link to its
// directory as by ref and relref: all of them ask content.Index.
func TestOneIndexForEveryReference(t *testing.T) {
	t.Parallel()
	s := mustBuild(t, `
-- content/docs/_index.md --
---
title: Docs
---
-- content/docs/a.md --
---
title: A
---
[the guide](guide) and [ref]({{< ref "guide" >}}) and [relref]({{< relref "guide" >}}).
-- content/docs/guide/index.markdown --
---
title: Guide
---
The guide.
`, Options{})
	html := file(t, s, "docs/a/index.html")
	for _, want := range []string{`href="/docs/guide/">the guide`, `href="/docs/guide/">relref`} {
		if !strings.Contains(html, want) {
			t.Errorf("docs/a/index.html lacks %q:\n%s", want, html)
		}
	}
}
