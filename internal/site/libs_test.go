package site

import (
	"strings"
	"testing"
)

// libFiles returns the published paths under lib/.
func libFiles(s *Site) []string {
	var out []string
	for _, f := range s.Files {
		if strings.HasPrefix(f.Path, "lib/") {
			out = append(out, f.Path)
		}
	}
	return out
}

// TestMathAndDiagramLibraries: KaTeX and Mermaid are published, and
// linked from a page, only when a page has math or a diagram; the site
// can turn either off, and then the page shows TeX or code as written.
func TestMathAndDiagramLibraries(t *testing.T) {
	const pages = `
-- content/plain.md --
---
title: Plain
---
No math. A price of $5 and $6.
-- content/math.md --
---
title: Math
---
Inline \(a_1 * b_1\).
-- content/diagram.md --
---
title: Diagram
---
` + "```mermaid\ngraph TD\n  A --> B\n```\n"

	t.Run("used", func(t *testing.T) {
		s := mustBuild(t, pages, Options{})
		math, diagram, plain := file(t, s, "math/index.html"), file(t, s, "diagram/index.html"), file(t, s, "plain/index.html")
		if !strings.Contains(math, `<span class="math math-inline">\(a_1 * b_1\)</span>`) {
			t.Errorf("math page lacks its formula:\n%s", math)
		}
		for _, c := range []struct{ page, html, has, hasNot string }{
			{"math", math, "/lib/katex-", "/lib/mermaid-"},
			{"diagram", diagram, "/lib/mermaid-", "/lib/katex-"},
			{"plain", plain, "", "/lib/"},
		} {
			if c.has != "" && !strings.Contains(c.html, c.has) {
				t.Errorf("%s page does not link %s", c.page, c.has)
			}
			if strings.Contains(c.html, c.hasNot) {
				t.Errorf("%s page links %s", c.page, c.hasNot)
			}
		}
		libs := strings.Join(libFiles(s), " ")
		for _, want := range []string{"katex.min.js", "katex.min.css", "KaTeX_Main-Regular.woff2", "mermaid.min.js", "lib/math.", "lib/mermaid-init."} {
			if !strings.Contains(libs, want) {
				t.Errorf("published lib files lack %s: %s", want, libs)
			}
		}
	})
	t.Run("only KaTeX when no page has a diagram", func(t *testing.T) {
		s := mustBuild(t, strings.Split(pages, "-- content/diagram.md --")[0], Options{})
		libs := strings.Join(libFiles(s), " ")
		if !strings.Contains(libs, "katex.min.js") || strings.Contains(libs, "mermaid") {
			t.Errorf("lib files = %s, want KaTeX's only", libs)
		}
	})
	t.Run("none when no page needs them", func(t *testing.T) {
		s := mustBuild(t, strings.Split(pages, "-- content/math.md --")[0], Options{})
		if got := libFiles(s); len(got) != 0 {
			t.Errorf("lib files published for a site without math or diagrams: %v", got)
		}
	})
	t.Run("off", func(t *testing.T) {
		s := mustBuild(t, "-- config.toml --\n[markup.goldmark.extensions.passthrough]\nenable = false\n[markup.mermaid]\nenable = false\n"+pages, Options{})
		if got := libFiles(s); len(got) != 0 {
			t.Errorf("lib files published with math and Mermaid off: %v", got)
		}
		if math := file(t, s, "math/index.html"); !strings.Contains(math, "(a_1 * b_1)") || strings.Contains(math, "math-inline") {
			t.Errorf("with math off the page should show the text as markdown does:\n%s", math)
		}
		if d := file(t, s, "diagram/index.html"); strings.Contains(d, `class="mermaid"`) || !strings.Contains(d, "graph TD") {
			t.Errorf("with Mermaid off the diagram should be code:\n%s", d)
		}
	})
}
