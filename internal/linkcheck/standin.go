package linkcheck

import (
	"bytes"
	"html/template"
	"slices"
	"strings"

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

// WithStandIns returns files (sorted by path) with each of standIns whose
// path no file of files holds: where one does, that file and the page
// collided, which is reported as such. files is not changed.
func WithStandIns(files, standIns []publish.File) []publish.File {
	if len(standIns) == 0 {
		return files
	}
	out := slices.Clone(files)
	for _, s := range standIns {
		if _, taken := publish.Find(files, s.Path); !taken {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(x, y publish.File) int { return strings.Compare(x.Path, y.Path) })
	return out
}
