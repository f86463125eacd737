package shortcode

import (
	"fmt"
	"html"
	"strings"
)

// collapsible is a <details> element around markdown: Hugo's details and
// the details and expand of Hugo Book, Hextra and Relearn. They differ in
// the names of their parameters, which all are read, and in their
// defaults, which the site's theme chooses.
type collapsible struct {
	summary string // the summary when no parameter gives one
	// openByDefault: open unless closed=true (Hextra's details).
	openByDefault bool
}

// run reads the summary from summary=, title= or the first positional
// parameter, and opens the element for open=true, expanded=true, a second
// positional "open" (Book), or, for openByDefault, unless closed=true.
func (d collapsible) run(x *expander, c *Call) (string, outKind, error) {
	summary := d.summary
	for _, k := range []any{"summary", "title", 0} {
		if v := c.str(k); v != "" {
			summary = v
			break
		}
	}
	s, err := x.inlineMarkdown(summary)
	if err != nil {
		return "", 0, err
	}
	open := d.openByDefault && c.str("closed") != "true"
	if c.str("open") == "true" || c.str("expanded") == "true" || c.str(1) == "open" {
		open = true
	}
	var b strings.Builder
	b.WriteString("<details")
	if open {
		b.WriteString(" open")
	}
	for _, k := range []string{"class", "name"} {
		if v := c.str(k); v != "" {
			fmt.Fprintf(&b, ` %s="%s"`, k, html.EscapeString(v))
		}
	}
	b.WriteString(">")
	return x.blockMarkdown(c, []string{b.String(), "<summary>" + s + "</summary>"}, string(c.Inner), []string{"</details>"}), asText, nil
}
