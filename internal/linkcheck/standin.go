package linkcheck

import (
	"bytes"
	"html/template"

	"github.com/quire-docs/quire/internal/publish"
)

// StandIn is a file for the link check in place of a page that made none
// (its render failed, and its errors are reported): a page at path with
// the ids given, so that links to it and to those ids are not reported as
// broken on top of its own errors. It is never published.
func StandIn(path, source string, ids []string) publish.File {
	var html bytes.Buffer
	html.WriteString("<!doctype html><title>not written</title>")
	for _, id := range ids {
		html.WriteString(`<p id="`)
		html.WriteString(template.HTMLEscapeString(id))
		html.WriteString(`">`)
	}
	return publish.File{Path: path, Data: html.Bytes(), Source: source}
}
