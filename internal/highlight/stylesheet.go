package highlight

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// Scopes for the dark style. The media query follows the reader's system
// setting unless the page opted into light; [data-theme=dark] on <html> is
// what a theme toggle sets, and wins in either system mode.
const (
	darkMedia     = "@media (prefers-color-scheme: dark)"
	darkAutoScope = ":root:not([data-theme=light])"
	darkScope     = "[data-theme=dark]"
)

// Stylesheet returns CSS for the light style, plus the dark style under
// @media (prefers-color-scheme: dark) and [data-theme=dark]. Unknown style
// names are an error naming the style.
//
// The light rules come first and unscoped (".chroma .k { … }"); the dark
// rules repeat every selector prefixed with a scope, so they are more
// specific and override the light ones where they apply. A class the light
// style colours but the dark one leaves at its base look (github's ".nx")
// is reset under the dark scopes, so no light colour shows on a dark
// background. An empty dark name means light only. The output is deterministic.
func Stylesheet(light, dark string) ([]byte, error) {
	lightCSS, err := styleCSS(light)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "/* chroma style %s */\n", light)
	b.Write(lightCSS)
	if dark == "" {
		return b.Bytes(), nil
	}
	darkCSS, err := styleCSS(dark)
	if err != nil {
		return nil, err
	}
	darkCSS = append(darkCSS, resets(lightCSS, darkCSS)...)
	fmt.Fprintf(&b, "/* chroma style %s (dark) */\n", dark)
	b.WriteString(darkMedia + " {\n")
	writeScoped(&b, darkCSS, darkAutoScope, "  ")
	b.WriteString("}\n")
	writeScoped(&b, darkCSS, darkScope, "")
	return b.Bytes(), nil
}

// styleCSS returns chroma's class CSS for the named style, one rule per
// line ("selector { declarations }").
func styleCSS(name string) ([]byte, error) {
	style, ok := styles.Registry[strings.ToLower(name)]
	if !ok {
		return nil, fmt.Errorf("highlight: unknown style %q", name)
	}
	f := html.New(html.WithClasses(true), html.WithCSSComments(false))
	var b bytes.Buffer
	if err := f.WriteCSS(&b, style); err != nil {
		return nil, fmt.Errorf("highlight: style %q: %w", name, err)
	}
	return b.Bytes(), nil
}

// writeScoped writes each one-line rule of css with every selector of the
// rule prefixed by scope.
func writeScoped(b *bytes.Buffer, css []byte, scope, indent string) {
	for line := range strings.Lines(string(css)) {
		sel, decl, ok := strings.Cut(line, "{")
		if !ok {
			continue
		}
		b.WriteString(indent)
		for i, s := range strings.Split(strings.TrimSpace(sel), ",") {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(scope)
			b.WriteByte(' ')
			b.WriteString(strings.TrimSpace(s))
		}
		b.WriteString(" {")
		b.WriteString(strings.TrimRight(decl, "\n"))
		b.WriteByte('\n')
	}
}

// resetDecl undoes a light rule's look, so the token takes the dark
// style's base look from .chroma.
const resetDecl = "color: inherit; background-color: transparent; font-weight: inherit; font-style: inherit; text-decoration: inherit }\n"

// resets returns a reset rule for every ".chroma ..." selector of light
// that dark has no rule for.
func resets(light, dark []byte) []byte {
	has := map[string]bool{}
	for line := range strings.Lines(string(dark)) {
		if sel, _, ok := strings.Cut(line, "{"); ok {
			has[strings.TrimSpace(sel)] = true
		}
	}
	var b bytes.Buffer
	for line := range strings.Lines(string(light)) {
		sel, _, ok := strings.Cut(line, "{")
		sel = strings.TrimSpace(sel)
		if !ok || has[sel] || !strings.HasPrefix(sel, ".chroma .") {
			continue
		}
		b.WriteString(sel)
		b.WriteString(" { ")
		b.WriteString(resetDecl)
	}
	return b.Bytes()
}
