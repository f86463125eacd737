// Package assets processes theme and site assets: minify, fingerprint and
// compute subresource integrity.
package assets

import (
	"io/fs"

	"github.com/quire-docs/quire/internal/minify"
	"github.com/quire-docs/quire/internal/publish"
)

// Asset is one processed asset, looked up by Name from templates.
type Asset struct {
	Name         string // logical name, e.g. "css/site.css"
	RelPermalink string // "/css/site.3f2a1b9c.css"
	Integrity    string // "sha256-..."
}

// Options for Process.
type Options struct {
	Theme  fs.FS            // the embedded theme's assets
	Site   fs.FS            // the site's assets/ directory; may be nil
	Extra  map[string][]byte // generated assets (e.g. "css/chroma.css")
	Minify *minify.Minifier // nil: no minification
	BaseDir string          // URL prefix path from baseURL, e.g. "/docs/" (default "/")
}

// Process returns output files and the asset table. A site asset replaces
// the theme asset of the same name.
func Process(opts Options) ([]publish.File, map[string]Asset, error) { panic("unimplemented") }
