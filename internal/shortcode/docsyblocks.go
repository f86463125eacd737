package shortcode

import (
	"html"
)

// Docsy's blocks for landing pages, blocks/cover and blocks/lead: a
// section around the page's markdown, in the theme's colors. Docsy's
// cover image (a page resource named *background*) is not drawn.

// runCover is blocks/cover: title=, byline=, color= (default "dark"),
// height=min|med|max|full|auto.
func runCover(x *expander, c *Call) (string, outKind, error) {
	color := c.str("color")
	if color == "" {
		color = "dark"
	}
	height := c.str("height")
	if height == "" {
		height = "max"
	}
	open := []string{`<section class="cover cover-` + cssWord(color) + ` cover-height-` + cssWord(height) + `">`}
	if t := c.str("title"); t != "" {
		open = append(open, `<p class="cover-title">`+html.EscapeString(t)+`</p>`)
	}
	if b := c.str("byline"); b != "" {
		open = append(open, `<p class="cover-byline">`+html.EscapeString(b)+`</p>`)
	}
	return x.blockMarkdown(c, open, string(c.Inner), []string{"</section>"}), asText, nil
}

// runLead is blocks/lead: a lead paragraph in a band of color=
// (default "primary"), height=auto|min|med|max|full.
func runLead(x *expander, c *Call) (string, outKind, error) {
	color := c.str("color")
	if color == "" {
		color = "primary"
	}
	height := c.str("height")
	if height == "" {
		height = "auto"
	}
	open := []string{`<section class="lead-block lead-` + cssWord(color) + ` lead-height-` + cssWord(height) + `">`}
	return x.blockMarkdown(c, open, string(c.Inner), []string{"</section>"}), asText, nil
}
