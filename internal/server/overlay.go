package server

import (
	"bytes"
	"html"
	"strconv"
	"strings"

	"github.com/quire-docs/quire/internal/diag"
)

// inject returns page with what the server adds to every HTML page: the
// overlay listing the latest build's errors and warnings (when there are
// any) and the live-reload script, placed before </body> (or at the end,
// where a minified page has dropped the optional tag).
func inject(page []byte, st *state, id string) []byte {
	add := overlay(st) + reloadScript(id)
	i := lastIndexFold(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(add))
	out = append(out, page[:i]...)
	out = append(out, add...)
	return append(out, page[i:]...)
}

// lastIndexFold is bytes.LastIndex ignoring ASCII case.
func lastIndexFold(s, sep []byte) int {
	for i := len(s) - len(sep); i >= 0; i-- {
		if bytes.EqualFold(s[i:i+len(sep)], sep) {
			return i
		}
	}
	return -1
}

// overlay renders the errors and warnings of st as a panel fixed over the
// page, or "" when there are none. Errors say the page is from the last
// good build; the panel can be closed to read the page beneath.
func overlay(st *state) string {
	if len(st.errors) == 0 && len(st.warnings) == 0 {
		return ""
	}
	var b strings.Builder
	kind, color := "warnings", "#8a5a00"
	if len(st.errors) > 0 {
		kind, color = "errors", "#b00020"
	}
	b.WriteString(`<div id="quire-overlay" data-kind="` + kind + `" role="alert" style="position:fixed;z-index:2147483647;` +
		`left:0;right:0;bottom:0;max-height:60vh;overflow:auto;margin:0;padding:1em 1.5em;box-sizing:border-box;` +
		`background:#fff;color:#111;border-top:4px solid ` + color + `;box-shadow:0 -4px 24px rgba(0,0,0,.25);` +
		`font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left">`)
	b.WriteString(`<button type="button" aria-label="Close" onclick="this.parentNode.remove()" ` +
		`style="float:right;font:inherit;font-size:18px;border:0;background:none;cursor:pointer;color:inherit">×</button>`)
	switch {
	case len(st.errors) > 0 && st.good:
		b.WriteString(heading(color, plural(len(st.errors), "error")+": the build failed; this page is from the last good build"))
	case len(st.errors) > 0:
		b.WriteString(heading(color, plural(len(st.errors), "error")+": the site has not built yet"))
	}
	list(&b, st.errors, "error")
	if len(st.warnings) > 0 {
		b.WriteString(heading("#8a5a00", plural(len(st.warnings), "warning")))
		list(&b, st.warnings, "warning")
	}
	b.WriteString(`</div>`)
	return b.String()
}

func heading(color, text string) string {
	return `<p style="margin:.25em 0;font-weight:bold;color:` + color + `">` + html.EscapeString(text) + `</p>`
}

// list writes one item per diagnostic: the position, then the message and
// hint, as the terminal shows them (control and bidi characters escaped,
// see diag.Escape), then HTML-escaped.
func list(b *strings.Builder, ds []*diag.Diagnostic, class string) {
	if len(ds) == 0 {
		return
	}
	b.WriteString(`<ul style="margin:0 0 .75em;padding:0;list-style:none">`)
	for _, d := range ds {
		b.WriteString(`<li class="quire-` + class + `" style="margin:.25em 0;white-space:pre-wrap;overflow-wrap:anywhere">`)
		if p := d.Pos(); p != "" {
			b.WriteString(`<strong>` + html.EscapeString(p) + `</strong>: `)
		}
		b.WriteString(html.EscapeString(diag.Escape(d.Msg)))
		if d.Hint != "" {
			b.WriteString(`<br><span style="color:#555">hint: ` + html.EscapeString(diag.Escape(d.Hint)) + `</span>`)
		}
		b.WriteString(`</li>`)
	}
	b.WriteString(`</ul>`)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// errorPage is what every URL shows while the site has never built: the
// errors, and the script that reloads once it does.
func errorPage(st *state, id string) []byte {
	return inject([]byte(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">`+
		`<title>Build failed · quire serve</title></head><body></body></html>`), st, id)
}
