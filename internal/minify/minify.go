// Package minify minifies HTML, CSS, JS, JSON, SVG and XML with tdewolff/minify.
package minify

// Minifier is safe for concurrent use.
type Minifier struct{}

// New returns a Minifier for all supported types.
func New() *Minifier { panic("unimplemented") }

// File minifies data by the extension of path (".html", ".css", ".js",
// ".json", ".svg", ".xml"); other files are returned unchanged.
func (m *Minifier) File(path string, data []byte) ([]byte, error) { panic("unimplemented") }
