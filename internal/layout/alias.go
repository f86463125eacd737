package layout

import (
	"bytes"
	"html/template"
	"io"
	"strings"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/publish"
)

// Aliases returns a redirect page (Alias) for every alias of every page of
// pages that has a URL, leading to its view's Permalink (views[i] is
// pages[i]'s), at the alias's output path (publish.AliasPath), in page
// then alias order; an alias written twice ("old/" and "/old/") makes one
// page. An alias that is not a path from the site root is skipped, with a
// warning naming its page.
func Aliases(pages []*content.Page, views []*Page) ([]publish.File, []*diag.Diagnostic) {
	var files []publish.File
	var ds diag.List
	for i, p := range pages {
		if !p.HasURL() {
			continue // build render never: nothing to redirect to
		}
		target := views[i].Permalink
		seen := map[string]bool{}
		for _, a := range p.Aliases {
			out, ok := publish.AliasPath(a)
			if !ok {
				ds.Add(diag.Warnf(p.File, 0, 0, "alias %q is not a usable path; skipped", a).
					WithHint("write an alias as a path from the site root, such as /old/page/"))
				continue
			}
			if seen[out] {
				continue // "old/" and "/old/" are the same alias
			}
			seen[out] = true
			var buf bytes.Buffer
			if err := Alias(&buf, target); err != nil {
				ds.AddError(p.File, err)
				continue
			}
			files = append(files, publish.File{Path: out, Data: buf.Bytes(), Source: p.File})
		}
	}
	return files, ds
}

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
