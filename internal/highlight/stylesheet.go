package highlight

import (
	"bytes"
	"fmt"
	"sort"
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

// resetValues undo a light rule's declaration, so the token takes the
// dark style's base look from .chroma.
var resetValues = map[string]string{
	"color":            "inherit",
	"background-color": "transparent",
	"font-weight":      "inherit",
	"font-style":       "inherit",
	"text-decoration":  "inherit",
}

// resets returns, for every ".chroma ..." rule of light, a rule that
// resets each property the light rule sets and the dark rule of the same
// selector (if any) does not: without it github's ".chroma .nx { color:
// #1f2328 }" would paint dark text on github-dark's dark background.
func resets(light, dark []byte) []byte {
	darkProps := map[string]map[string]bool{}
	for line := range strings.Lines(string(dark)) {
		if sel, decl, ok := strings.Cut(line, "{"); ok {
			darkProps[strings.TrimSpace(sel)] = properties(decl)
		}
	}
	var b bytes.Buffer
	for line := range strings.Lines(string(light)) {
		sel, decl, ok := strings.Cut(line, "{")
		sel = strings.TrimSpace(sel)
		if !ok || !strings.HasPrefix(sel, ".chroma .") {
			continue
		}
		var out []string
		for _, prop := range sortedKeys(properties(decl)) {
			if v, ok := resetValues[prop]; ok && !darkProps[sel][prop] {
				out = append(out, prop+": "+v)
			}
		}
		if len(out) > 0 {
			b.WriteString(sel + " { " + strings.Join(out, "; ") + " }\n")
		}
	}
	return b.Bytes()
}

// properties returns the property names of a declaration block's text.
func properties(decl string) map[string]bool {
	props := map[string]bool{}
	for _, d := range strings.Split(strings.TrimRight(strings.TrimSpace(decl), "}"), ";") {
		if name, _, ok := strings.Cut(d, ":"); ok {
			props[strings.TrimSpace(name)] = true
		}
	}
	return props
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
