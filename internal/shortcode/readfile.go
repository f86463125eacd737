package shortcode

import (
	"errors"
	"fmt"
	"path"
	"strings"
)

// runReadfile is Docsy's readfile (file=, code=true, lang=) and
// Relearn's include (file= or a first positional path,
// hidefirstheading=true): a file's text put into the page, as markdown
// when it is a .md file (shortcodes in it are not run), as code with
// code=true, else as HTML. A path starting with "/" is from the site
// root; another is looked up beside the page, then from the site root.
// The file must be under the site root (Options.Funcs' readFile).
func runReadfile(x *expander, c *Call) (string, outKind, error) {
	name := c.str("file")
	if name == "" && !c.IsNamedParams {
		name = c.str(0)
	}
	if name == "" {
		return "", 0, fmt.Errorf(`wants a file, as {{< %s file="includes/note.md" >}}`, c.Name)
	}
	text, err := x.readSiteFile(name)
	if err != nil {
		return "", 0, err
	}
	switch {
	case c.str("code") == "true":
		lang := c.str("lang")
		if lang == "" {
			lang = strings.TrimPrefix(path.Ext(name), ".")
		}
		return x.blockMarkdown(c, nil, x.codeBlock(c, lang, text), nil), asText, nil
	case path.Ext(name) == ".md" || path.Ext(name) == ".markdown":
		if c.str("hidefirstheading") == "true" {
			text = dropFirstHeading(text)
		}
		return x.blockMarkdown(c, nil, "\n"+text, nil), asText, nil
	}
	return text, asHTML, nil
}

// readSiteFile reads name from beside the page, else from the site root.
func (x *expander) readSiteFile(name string) (string, error) {
	if x.set.readFile == nil {
		return "", errors.New("cannot read files here")
	}
	if !strings.HasPrefix(name, "/") && x.env.File != "" {
		if text, err := x.set.readFile(path.Join(path.Dir(x.env.File), name)); err == nil {
			return text, nil
		}
	}
	return x.set.readFile(name)
}

// dropFirstHeading removes the first line of text that is an ATX heading.
func dropFirstHeading(text string) string {
	lines := strings.SplitAfter(text, "\n")
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "#") {
			return strings.Join(append(lines[:i:i], lines[i+1:]...), "")
		}
	}
	return text
}
