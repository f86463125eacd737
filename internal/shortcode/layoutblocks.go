package shortcode

import (
	"html"
	"strings"
)

// runColumns is Hugo Book's columns: the inner markdown split at lines
// "<--->" into columns side by side (one after another on narrow screens).
func runColumns(x *expander, c *Call) (string, outKind, error) {
	parts := strings.Split(string(c.Inner), "<--->")
	open := []string{`<div class="columns">`, `<div class="column">`}
	var inner strings.Builder
	for i, p := range parts {
		if i > 0 {
			inner.WriteString("\n\n</div>\n<div class=\"column\">\n\n")
		}
		inner.WriteString(strings.Join(deindent(p), "\n"))
	}
	return x.blockMarkdown(c, open, inner.String(), []string{"</div>", "</div>"}), asText, nil
}

// runSteps is Hextra's steps: the inner markdown's level-3 headings are
// numbered steps.
func runSteps(x *expander, c *Call) (string, outKind, error) {
	return x.blockMarkdown(c, []string{`<div class="steps">`}, string(c.Inner), []string{"</div>"}), asText, nil
}

// runCards is Hextra's cards: a grid of card links; cols= is how many
// columns at most.
func runCards(x *expander, c *Call) (string, outKind, error) {
	open := `<div class="cards"`
	if n := cssWord(c.str("cols")); n != "" {
		open += ` style="--cols:` + n + `"`
	}
	// A blank line between the cards makes each a block of its own.
	inner := strings.Join(deindent(string(c.Inner)), "\n\n")
	return x.blockMarkdown(c, []string{open + ">"}, inner, []string{"</div>"}), asText, nil
}

// runCard is Hextra's card: link=, title=, subtitle= (markdown); its
// icon and image are not drawn.
func runCard(x *expander, c *Call) (string, outKind, error) {
	sub, err := x.inlineMarkdown(c.str("subtitle"))
	if err != nil {
		return "", 0, err
	}
	var b strings.Builder
	tag := "div"
	if link := c.str("link"); link != "" {
		tag = "a"
		b.WriteString(`<a class="card" href="` + html.EscapeString(link) + `">`)
	} else {
		b.WriteString(`<div class="card">`)
	}
	b.WriteString(`<span class="card-title">` + html.EscapeString(c.str("title")) + `</span>`)
	if sub != "" {
		b.WriteString(`<span class="card-subtitle">` + sub + `</span>`)
	}
	b.WriteString("</" + tag + ">")
	return b.String(), asHTML, nil
}
