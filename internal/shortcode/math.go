package shortcode

import (
	"html"
	"strings"
)

// runMermaid is Hugo Book's mermaid: its inner text as a mermaid code
// block, which reads as the diagram's source without a script.
func runMermaid(x *expander, c *Call) (string, outKind, error) {
	if x.env.HTML {
		return `<pre class="mermaid">` + html.EscapeString(strings.Join(deindent(string(c.Inner)), "\n")) + "</pre>", asHTML, nil
	}
	return x.blockMarkdown(c, nil, x.codeBlock(c, "mermaid", string(c.Inner)), nil), asText, nil
}

// runKaTeX is Hugo Book's katex: TeX, inline, or displayed on its own
// with display=true, written as \( \) or \[ \] for a math renderer and
// readable as TeX without one.
func runKaTeX(x *expander, c *Call) (string, outKind, error) {
	tex := html.EscapeString(strings.TrimSpace(string(c.Inner)))
	if c.str("display") == "true" || c.str(0) == "display" {
		return `<div class="math math-display">\[` + tex + `\]</div>`, asHTML, nil
	}
	return `<span class="math math-inline">\(` + tex + `\)</span>`, asHTML, nil
}
