package shortcode

import (
	"fmt"
	"html"
)

// Hextra's file trees: filetree/container holds filetree/folder (name=,
// state=open|closed) and filetree/file (name=) shortcodes, drawn as
// nested lists whose folders open and close with no script.

func runFiletree(x *expander, c *Call) (string, outKind, error) {
	return `<ul class="filetree">` + string(c.Inner) + `</ul>`, asHTML, nil
}

func runFolder(x *expander, c *Call) (string, outKind, error) {
	open := " open"
	if c.str("state") == "closed" {
		open = ""
	}
	return fmt.Sprintf(`<li class="filetree-folder"><details%s><summary>%s</summary><ul>%s</ul></details></li>`,
		open, html.EscapeString(c.str("name")), c.Inner), asHTML, nil
}

func runFile(x *expander, c *Call) (string, outKind, error) {
	return `<li class="filetree-file">` + html.EscapeString(c.str("name")) + `</li>`, asHTML, nil
}
