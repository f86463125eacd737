package shortcode

import (
	"fmt"
	"html"
)

// runButton is the button of Hugo Book (href=, relref=, class=) and of
// Relearn (href=, style=, target=; a first positional parameter is the
// URL): a link drawn as a button around its inner markdown. relref= is
// resolved as the relref shortcode resolves it.
func runButton(x *expander, c *Call) (string, outKind, error) {
	href := c.str("href")
	if href == "" && !c.IsNamedParams {
		href = c.str(0)
	}
	if ref := c.str("relref"); ref != "" {
		u, _, err := x.ref(&Call{Name: c.Name, params: []Param{{Value: ref}}, offset: c.offset}, false)
		if err != nil {
			return "", 0, err
		}
		href = u
	}
	if href == "" {
		return "", 0, fmt.Errorf(`wants a link, as {{< %s href="https://example.org/" >}}Text{{< /%s >}}`, c.Name, c.Name)
	}
	text, err := x.inlineMarkdown(string(c.Inner))
	if err != nil {
		return "", 0, err
	}
	class := "button"
	if s := cssWord(c.str("style")); s != "" {
		class += " button-" + s
	}
	if v := c.str("class"); v != "" {
		class += " " + v
	}
	attrs := ""
	if t := c.str("target"); t != "" {
		attrs = ` target="` + html.EscapeString(t) + `"`
		if t == "_blank" {
			attrs += ` rel="noopener"`
		}
	}
	return fmt.Sprintf(`<a class="%s" href="%s"%s>%s</a>`, html.EscapeString(class), html.EscapeString(href), attrs, text), asHTML, nil
}
