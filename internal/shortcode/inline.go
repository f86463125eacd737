package shortcode

import (
	"bytes"
	"strings"

	"github.com/quire-docs/quire/internal/diag"
)

// isInline reports whether name is an inline shortcode's: NAME.inline.
func isInline(name string) bool { return strings.HasSuffix(name, ".inline") }

// inlineShortcode returns the inline shortcode n calls, as Hugo's: a pair
// {{< NAME.inline >}}TEMPLATE{{< /NAME.inline >}} defines it (for the
// rest of the page) and runs it; a self-closing {{< NAME.inline />}} runs
// the one defined earlier on the page. With Options.InlineShortcodes off
// it is left out with a warning, where Hugo leaves it out silently.
func (x *expander) inlineShortcode(n *Node) (*entry, bool) {
	t := n.Tag
	if !x.set.inline {
		line, col := x.lineCol(n.Start)
		x.diags = append(x.diags, diag.Warnf(x.env.File, line, col, "shortcode %q: inline shortcodes are off, so it is left out", t.Name).
			WithHint("set enableInlineShortcodes = true under [security] in config.toml to run it"))
		return nil, false
	}
	if !n.Closed {
		e, ok := x.inline[t.Name]
		if !ok {
			x.diags = append(x.diags, x.diagAt(n.Start, t.Name, "inline shortcode used before it is defined on this page").
				WithHint("define it first: %s TEMPLATE %s", openTag(t), closeTag(t)))
		}
		return e, ok
	}
	inner := x.env.Body[t.End:n.End]
	if i := bytes.LastIndex(inner, []byte("{{")); i >= 0 {
		inner = inner[:i] // the closing tag
	}
	file := t.Name // diagnostics: shortcode "x.inline": x.inline:1: ...
	tm := &tmpl{file: file, text: string(inner), funcs: x.set.funcs, partial: x.set.partial}
	in, err := tm.parse()
	if err != nil {
		msg, _ := tidyTemplateErr(file, err)
		x.diags = append(x.diags, x.diagAt(n.Start, t.Name, "%s", msg))
		return nil, false
	}
	tm.put(in)
	e := &entry{tmpl: tm, file: file}
	e.run = func(x *expander, c *Call) (string, outKind, error) {
		var b strings.Builder
		err := tm.run(x.budget, &b, c)
		return b.String(), asWritten, err
	}
	if x.inline == nil {
		x.inline = map[string]*entry{}
	}
	x.inline[t.Name] = e
	return e, true
}
