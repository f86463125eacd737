// Package config parses and validates a site's config.toml.
package config

import "github.com/quire-docs/quire/internal/diag"

// Config is a site's configuration with defaults applied.
type Config struct {
	BaseURL      string // baseURL: absolute URL with trailing slash, e.g. "https://example.org/docs/"
	Title        string // title
	LanguageCode string // languageCode, default "en"
	ContentDir   string // contentDir, default "content"
	LayoutDir    string // layoutDir, default "layouts"
	AssetDir     string // assetDir, default "assets"
	PublishDir   string // publishDir, default "public"
	Minify       bool   // minify, default true
	TOC          TOC    // [markup.tableOfContents]
	Highlight    Highlight
	Unsafe       bool           // [markup.goldmark.renderer] unsafe: render raw HTML; default true
	Params       map[string]any // [params]
}

// TOC holds table-of-contents levels; 0 means automatic (start at the
// shallowest heading level present, span three levels).
type TOC struct {
	StartLevel int
	EndLevel   int
	Ordered    bool
}

// Highlight holds the chroma style names for the light and dark schemes.
type Highlight struct {
	Style     string // default "github"
	DarkStyle string // default "github-dark"
}

// Default returns the configuration used for an empty config.toml.
func Default() Config { panic("unimplemented") }

// Parse decodes and validates config.toml source. Warnings (unknown keys)
// and errors carry the line; File is left empty for Load to fill in.
func Parse(data []byte) (Config, []*diag.Diagnostic, error) { panic("unimplemented") }

// Load reads the file at path and parses it; diagnostics name the file as
// given by name (normally "config.toml").
func Load(path, name string) (Config, []*diag.Diagnostic, error) { panic("unimplemented") }
