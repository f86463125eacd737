// Package minify minifies HTML, CSS, JS, JSON, SVG and XML with tdewolff/minify.
package minify

import (
	"errors"
	"fmt"
	"path"
	"strings"

	tdm "github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
	"github.com/tdewolff/parse/v2"
)

// mediaTypes maps a lower-case file extension to the media type its
// minifier is registered under. Read-only.
var mediaTypes = map[string]string{
	".html": "text/html",
	".htm":  "text/html",
	".css":  "text/css",
	".js":   "application/javascript",
	".mjs":  "application/javascript",
	".json": "application/json",
	".svg":  "image/svg+xml",
	".xml":  "text/xml",
}

// Minifier is safe for concurrent use.
type Minifier struct {
	m *tdm.M
}

// New returns a Minifier for all supported types.
//
// HTML keeps the document tags (<html lang>, <head>, <body>), end tags,
// default attribute values and quotes, so the output stays valid HTML5 that
// other tools (link checkers, validators) read the same way as the input.
// Linked resources are never rewritten, so integrity attributes stay true;
// only inline <style> and <script> content is minified.
func New() *Minifier {
	m := tdm.New()
	m.Add("text/html", &html.Minifier{
		KeepDocumentTags:    true,
		KeepEndTags:         true,
		KeepDefaultAttrVals: true,
		KeepQuotes:          true,
		KeepSpecialComments: true,
	})
	m.Add("text/css", &css.Minifier{})
	m.Add("application/javascript", &js.Minifier{})
	m.Add("application/json", &json.Minifier{})
	m.Add("image/svg+xml", &svg.Minifier{})
	m.Add("text/xml", &xml.Minifier{})
	return &Minifier{m: m}
}

// MediaType returns the media type File uses for path, or "" when files
// with that extension are passed through unchanged.
func MediaType(p string) string {
	return mediaTypes[strings.ToLower(path.Ext(p))]
}

// File minifies data by the extension of path (".html", ".css", ".js",
// ".json", ".svg", ".xml"); other files are returned unchanged. Errors
// name path; Position extracts where in the file they point. The output
// depends only on the input bytes.
func (m *Minifier) File(path string, data []byte) ([]byte, error) {
	mt := MediaType(path)
	if mt == "" {
		return data, nil
	}
	out, err := m.m.Bytes(mt, data)
	if err != nil {
		return nil, fmt.Errorf("%s: minify: %w", path, err)
	}
	return out, nil
}

// Position returns where a syntax error from File or tdewolff/minify points:
// the 1-based line, the 1-based column in runes, and the parser's message
// without the source excerpt and caret that tdewolff appends. ok is false
// when err carries no position; msg is then "".
//
// For an error inside an inline <script> or <style> of an HTML file the
// position is tdewolff's estimate of the place in the file, which can be a
// line or a few columns off.
func Position(err error) (line, col int, msg string, ok bool) {
	var pe *parse.Error
	if !errors.As(err, &pe) || pe == nil {
		return 0, 0, "", false
	}
	return pe.Line, pe.Column, pe.Message, true
}
