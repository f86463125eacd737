package layout

import (
	"html/template"
	"io"
	"strings"
)

// Alias renders a redirect page to the absolute or root-relative URL target.
// target is escaped for HTML attributes and text; the page is marked noindex
// and names target as canonical so search engines index the target instead.
func Alias(w io.Writer, target string) error {
	esc := template.HTMLEscapeString(target)
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><title>`)
	b.WriteString(esc)
	b.WriteString(`</title><link rel="canonical" href="`)
	b.WriteString(esc)
	b.WriteString(`"><meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url=`)
	b.WriteString(esc)
	b.WriteString(`"></head><body><p>Moved to <a href="`)
	b.WriteString(esc)
	b.WriteString(`">`)
	b.WriteString(esc)
	b.WriteString(`</a>.</p></body></html>`)
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}
