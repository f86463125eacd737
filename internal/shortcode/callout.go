package shortcode

import (
	"fmt"
	"html"
	"strings"
)

// The callouts of Hugo docs themes: Docsy's alert and pageinfo, Hextra's
// callout, Hugo Book's hint and Relearn's notice. Each is a box around
// markdown in the default theme's admonition style (see the markdown
// package's admonitions): class "admonition admonition-KIND", KIND one of
// note, tip, important, warning, caution, and the theme's own classes, so
// a site's CSS written for the theme still applies.

// calloutKinds maps the color and type words of the themes to an
// admonition kind; a word not here is a note.
var calloutKinds = map[string]string{
	"note": "note", "info": "note", "primary": "note", "secondary": "note", "blue": "note",
	"tip": "tip", "success": "tip", "green": "tip", "default": "tip",
	"important": "important", "accent": "important",
	"warning": "warning", "orange": "warning",
	"danger": "caution", "error": "caution", "caution": "caution", "red": "caution",
}

func calloutKind(word string) string {
	if k, ok := calloutKinds[strings.ToLower(word)]; ok {
		return k
	}
	return "note"
}

// callout is one box: class names the theme's own classes, title (markdown,
// may be empty) is its first line, after icon (text such as an emoji).
type callout struct {
	kind, class, title, icon string
	// collapse, when "true" or "false", makes the box a <details>, open
	// when "true" (Relearn's expanded).
	collapse string
}

// run writes the box around c's inner markdown.
func (b callout) run(x *expander, c *Call) (string, outKind, error) {
	title, err := x.inlineMarkdown(b.title)
	if err != nil {
		return "", 0, err
	}
	class := strings.TrimSpace("admonition admonition-" + b.kind + " " + b.class)
	var open, close []string
	switch b.collapse {
	case "true", "false":
		tag := `<details class="` + html.EscapeString(class) + `"`
		if b.collapse == "true" {
			tag += " open"
		}
		if title == "" {
			title = "Details"
		}
		open = []string{tag + ">", "<summary>" + title + "</summary>"}
		close = []string{"</details>"}
	default:
		open = []string{`<div class="` + html.EscapeString(class) + `" role="note">`}
		var line string
		if b.icon != "" {
			line = `<span class="admonition-icon" aria-hidden="true">` + html.EscapeString(b.icon) + "</span>"
		}
		if title != "" {
			line = strings.TrimSpace(line + " <strong>" + title + "</strong>")
		}
		if line != "" {
			open = append(open, `<p class="admonition-title">`+line+`</p>`)
		}
		close = []string{"</div>"}
	}
	return x.blockMarkdown(c, open, string(c.Inner), close), asText, nil
}

// inlineMarkdown renders a parameter written in markdown as inline HTML.
func (x *expander) inlineMarkdown(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	h, err := x.set.markdownify(s)
	if err != nil {
		return "", fmt.Errorf("rendering %q: %w", s, err)
	}
	return strings.TrimSpace(string(inlineHTML(h))), nil
}

// runAlert is Docsy's alert: title="..." color="primary|info|warning|danger|success|...".
func runAlert(x *expander, c *Call) (string, outKind, error) {
	color := c.str("color")
	if color == "" {
		color = "primary"
	}
	return callout{kind: calloutKind(color), class: "alert alert-" + cssWord(color), title: c.str("title")}.run(x, c)
}

// runPageinfo is Docsy's pageinfo: a box of information about the page, color="primary|...".
func runPageinfo(x *expander, c *Call) (string, outKind, error) {
	color := c.str("color")
	if color == "" {
		color = "primary"
	}
	return callout{kind: calloutKind(color), class: "pageinfo pageinfo-" + cssWord(color)}.run(x, c)
}

// runCallout is Hextra's callout: type="default|info|warning|error|important", emoji, title.
func runCallout(x *expander, c *Call) (string, outKind, error) {
	typ := c.str("type")
	if typ == "" {
		typ = "default"
	}
	return callout{kind: calloutKind(typ), class: "callout callout-" + cssWord(typ), title: c.str("title"), icon: c.str("emoji")}.run(x, c)
}

// runHint is Hugo Book's hint: {{% hint info|warning|danger %}}, or type=..., title=....
func runHint(x *expander, c *Call) (string, outKind, error) {
	typ := c.str(0)
	if c.IsNamedParams {
		typ = c.str("type")
	}
	if typ == "" {
		typ = "info"
	}
	return callout{kind: calloutKind(typ), class: "hint " + cssWord(typ), title: c.str("title")}.run(x, c)
}

// runNotice is Relearn's notice: {{% notice STYLE "TITLE" %}} or style=,
// title=, expanded=true|false (a box that opens and closes). The severity
// styles have their name as the default title. Its icons are Font Awesome
// names, which quire has no font for: they are left out.
func runNotice(x *expander, c *Call) (string, outKind, error) {
	style, title := c.str(0), c.str(1)
	hasTitle := len(c.params) > 1
	if c.IsNamedParams {
		style, title = c.str("style"), c.str("title")
		hasTitle = hasParam(c, "title")
	}
	if style == "" {
		style = "default"
	}
	if !hasTitle {
		switch s := strings.ToLower(style); s {
		case "note", "info", "tip", "warning", "caution", "important":
			title = strings.ToUpper(s[:1]) + s[1:]
		}
	}
	return callout{kind: calloutKind(style), class: "notice " + cssWord(style), title: title,
		collapse: c.str("expanded")}.run(x, c)
}

// hasParam reports whether c has the named parameter, even if empty.
func hasParam(c *Call, name string) bool {
	for _, p := range c.params {
		if p.Name == name {
			return true
		}
	}
	return false
}

// cssWord keeps letters, digits, '-' and '_' of s, lower-cased, for a
// class name made of a parameter.
func cssWord(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
