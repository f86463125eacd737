package shortcode

import (
	"html"
	"strconv"
	"strings"

	"github.com/quire-docs/quire/internal/highlight"
)

// Tabs: Docsy's tabpane and tab, and the tabs and tab of Hextra, Hugo
// Book and Relearn. A group is a <div class="tabs"> of panels, each a
// <div class="tab-panel"> whose label is written in it, so without
// JavaScript every panel reads one after another under its label. The
// theme's script turns a group into a keyboard-accessible tab list,
// shows the panel of the label last chosen on the site (localStorage)
// and switches every group of the page that has a panel of the label
// chosen.

// runTabs is a group: tabs, or Docsy's tabpane, whose panels hold code
// unless text=true.
func runTabs(x *expander, c *Call) (string, outKind, error) {
	return x.blockMarkdown(c, []string{`<div class="tabs" data-tabs>`}, string(c.Inner), []string{"</div>"}), asText, nil
}

// runTab is one panel. Its label is header=, name=, title= or its first
// positional parameter, else the group's items= at its place (Hextra),
// else "Tab N". In a tabpane (Docsy), its inner text is code in lang=
// (its own, the tabpane's, or its label lower-cased when the tabpane
// has langEqualsHeader=true) unless text=true, on it or on the tabpane.
// A tab outside a group is a group of its own (Relearn).
func runTab(x *expander, c *Call) (string, outKind, error) {
	label := tabLabel(c)
	open := []string{
		`<div class="tab-panel" data-tab-label="` + html.EscapeString(label) + `">`,
		`<p class="tab-label"><strong>` + html.EscapeString(label) + `</strong></p>`,
	}
	close := []string{"</div>"}
	inner := string(c.Inner)
	if p := c.Parent; p != nil && p.Name == "tabpane" && !isTrue(c, p, "text") {
		lang := c.str("lang")
		if lang == "" {
			lang = p.str("lang")
		}
		if lang == "" && p.str("langEqualsHeader") == "true" {
			lang = strings.ToLower(label)
		}
		inner = x.codeBlock(c, lang, inner)
	}
	if p := c.Parent; p == nil || p.Name != "tabs" && p.Name != "tabpane" {
		open = append([]string{`<div class="tabs" data-tabs>`}, open...)
		close = append(close, "</div>")
	}
	return x.blockMarkdown(c, open, inner, close), asText, nil
}

// tabLabel returns the label of the tab c.
func tabLabel(c *Call) string {
	for _, k := range []any{"header", "name", "title", 0} {
		if v := strings.TrimSpace(c.str(k)); v != "" {
			return v
		}
	}
	if p := c.Parent; p != nil {
		if items := strings.Split(p.str("items"), ","); c.Ordinal < len(items) {
			if v := strings.TrimSpace(items[c.Ordinal]); v != "" {
				return v
			}
		}
	}
	return "Tab " + strconv.Itoa(c.Ordinal+1)
}

// isTrue reports whether name=true is set on c, or else on its parent p.
func isTrue(c, p *Call, name string) bool {
	if hasParam(c, name) {
		return c.str(name) == "true"
	}
	return p.str(name) == "true"
}

// codeBlock returns code as a fenced code block in lang, for the markdown
// stage to highlight as any other, or, in an HTML page, highlighted here.
func (x *expander) codeBlock(c *Call, lang, code string) string {
	lines := deindent(code)
	fence := "```"
	for _, l := range lines {
		for strings.Contains(l, fence) {
			fence += "`"
		}
	}
	text := strings.Join(lines, "\n") + "\n"
	if x.env.HTML {
		var b strings.Builder
		if err := highlight.Code(&b, lang, text); err != nil {
			return "<pre><code>" + html.EscapeString(text) + "</code></pre>"
		}
		return b.String()
	}
	if f := strings.Fields(lang); len(f) > 0 && !strings.Contains(f[0], "`") {
		lang = f[0]
	} else {
		lang = ""
	}
	return fence + lang + "\n" + text + fence
}
