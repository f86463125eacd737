package themetest

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"

	"github.com/quire-docs/quire/internal/config"
)

// mathPage has inline and displayed math, a math fence and a diagram.
const mathPage = `---
title: Math and diagrams
---
Euler's identity \(e^{i\pi} + 1 = 0\) in a sentence.

$$
\int_0^1 x^2\,dx = \frac{1}{3}
$$

` + "```math\n\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}\n```\n\n```mermaid\ngraph LR\n  A[Write] --> B[Build] --> C[Publish]\n```\n"

// buildMath builds a site whose page /math/ is mathPage and /plain/ has
// neither math nor diagrams.
func buildMath(t *testing.T) *docs {
	t.Helper()
	cfg, _, err := config.Parse(nil)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"content/math.md":  {Data: []byte(mathPage)},
		"content/plain.md": {Data: []byte("---\ntitle: Plain\n---\nNo math here.\n")},
		"content/far.md": {Data: []byte("---\ntitle: Far\n---\n" + strings.Repeat("A paragraph of text before the diagram.\n\n", 150) +
			"```mermaid\ngraph TD\n  A --> B\n```\n")},
	}
	return buildSite(t, fsys, cfg)
}

// TestMathAndDiagrams: on the page with math, KaTeX typesets each formula
// (with MathML for assistive technology) and Mermaid draws the diagram,
// from the site's own host, in light and dark, at both widths; axe-core
// finds nothing. A page without them loads neither library.
func TestMathAndDiagrams(t *testing.T) {
	axe, err := os.ReadFile(tool(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	srv := serve(t, buildMath(t))
	for _, v := range views {
		t.Run(v.String(), func(t *testing.T) {
			ctx := open(t, v)
			visit(t, ctx, srv.URL+"/math/")
			// The scripts are deferred: wait for their work, however long.
			if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("pre.mermaid svg"))); err != nil {
				t.Fatalf("waiting for the diagram: %v", err)
			}
			if got := eval[int](t, ctx, `document.querySelectorAll(".math .katex math").length`); got != 3 {
				t.Errorf("typeset formulas with MathML = %d, want 3", got)
			}
			if got := eval[int](t, ctx, `document.querySelectorAll(".katex-error").length`); got != 0 {
				t.Errorf("%d formulas failed to typeset", got)
			}
			if got := eval[int](t, ctx, `document.querySelectorAll(".code-block pre.mermaid, pre.mermaid + .copy-button").length`); got != 0 {
				t.Error("the diagram got a Copy button, as code does")
			}
			screenshot(t, ctx, v.String()+"-math")
			axeCheck(t, ctx, "/math/", axe)

			visit(t, ctx, srv.URL+"/plain/")
			if got := eval[[]string](t, ctx, `performance.getEntriesByType("resource").map(e => e.name).filter(u => u.includes("/lib/"))`); len(got) != 0 {
				t.Errorf("/plain/ loads %q", got)
			}

			// Mermaid is large: it loads when a diagram comes near the
			// viewport, not before.
			visit(t, ctx, srv.URL+"/far/")
			loaded := `performance.getEntriesByType("resource").some(e => e.name.includes("mermaid.min.js"))`
			if settled[bool](t, ctx, loaded) {
				t.Error("/far/ loaded Mermaid before its diagram came near the viewport")
			}
			eval[bool](t, ctx, `(document.querySelector("pre.mermaid").scrollIntoView(), true)`)
			if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("pre.mermaid svg"))); err != nil {
				t.Fatalf("waiting for the diagram after scrolling to it: %v", err)
			}
		})
	}
}
