// Package config reads, merges and validates a site's configuration:
// config.toml, or any of the files and directories Hugo reads.
package config

import (
	"bytes"
	"errors"
	"io/fs"

	"github.com/BurntSushi/toml"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/pos"
)

// Config is a site's configuration with defaults applied.
type Config struct {
	BaseURL      string // baseURL: absolute URL with trailing slash, e.g. "https://example.org/docs/"
	BaseURLSet   bool   // baseURL is written in the configuration (false: the default "/")
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
	HeadingIDs   string         // [markup.goldmark.parser] autoHeadingIDType: "github" (default) or "blackfriday"
	Math         Math           // [markup.goldmark.extensions.passthrough]: where TeX is written
	Mermaid      Mermaid        // [markup.mermaid]
	Params       map[string]any // [params]
	LinkCheck    LinkCheck      // [linkcheck]
	Publish      Publish        // [publish]
	Limits       Limits         // [limits]
	Security     Security       // [security]
	Render       Render         // timeout, maxPageBytes
	Cascade      Cascade        // [cascade], Hugo's
	Environment  string         // the environment LoadSite read (config/ENV/), e.g. "production"; "" from Parse
	URLs         URLs           // disablePathToLower, [permalinks]
	StaticDirs   []string       // staticDir (a string or a list), default ["static"]; the first listed wins a path
	GitInfo      bool           // enableGitInfo: pages' dates from git, default false
	LLMs         LLMs           // [llms]
	// Theme is Hugo's theme setting, then the paths of [module] imports
	// ("docsy", "github.com/imfing/hextra"): quire loads no theme, but
	// where two themes' shortcodes share a name, the built-in that answers
	// is the named theme's. Empty: none named.
	Theme []string
	// Brand is what the default theme reads of [params] to brand the
	// site (logo, accentColor, ...), checked (brand.go).
	Brand Brand

	// Languages are the site's languages in Hugo's order (weight, then
	// code) when its languages block lists more than one; nil otherwise.
	// The Config itself is the default language's (see languages.go).
	Languages []Language

	// NormalizeHeadings is [markup.headings] normalize: render a body's
	// heading levels without gaps, from h2 on; default true.
	NormalizeHeadings bool

	// DefaultContentLanguage is Hugo's defaultContentLanguage: the
	// translation table tried after languageCode's (internal/i18n), and
	// languageCode when that is unset. "" when unset.
	DefaultContentLanguage string
	// MissingTranslationPlaceholders is Hugo's
	// enableMissingTranslationPlaceholders: T of a key no table has gives
	// "[i18n] key" rather than "". Default false.
	MissingTranslationPlaceholders bool
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
// Params is an empty, non-nil map.
func Default() Config {
	return Config{
		BaseURL:      "/",
		LanguageCode: "en",
		ContentDir:   "content",
		LayoutDir:    "layouts",
		AssetDir:     "assets",
		StaticDirs:   []string{"static"},
		PublishDir:   "public",
		Minify:       true,
		Highlight:    Highlight{Style: "github", DarkStyle: "github-dark"},
		Unsafe:       true,
		HeadingIDs:   "github",
		Math:         defaultMath(),
		Mermaid:      Mermaid{Enable: true},
		Params:       map[string]any{},
		LinkCheck:    defaultLinkCheck(),
		Limits:       defaultLimits(),
		Render:       defaultRender(),
		LLMs:         LLMs{Enable: true},

		NormalizeHeadings: true,
	}
}

// Parse decodes and validates config.toml source. Warnings (unknown keys)
// and errors carry the line; File is left empty for Load to fill in.
//
// The warnings are returned whether or not there are errors. The error is
// nil or an errors.Join of every *diag.Diagnostic of error severity, sorted
// by position, so one run reports every problem in the file. On error the
// Config holds the defaults overlaid with the keys that were valid; it is
// meant for diagnostics, not for building.
func Parse(data []byte) (Config, []*diag.Diagnostic, error) {
	return ParseFormat(data, TOML)
}

// ParseFormat is Parse for a config written in format f.
func ParseFormat(data []byte, f Format) (Config, []*diag.Diagnostic, error) {
	t, err := parseTree("", data, f)
	if err != nil {
		return Default(), nil, err
	}
	return decodeTree(t)
}

// decodeTree checks a (possibly merged) tree against the schema and
// applies it to the defaults; diagnostics name the file each key came
// from. It reads a languages block first (see languages).
func decodeTree(t tree) (Config, []*diag.Diagnostic, error) {
	if codes := languageCodes(t); len(codes) > 1 {
		return decodeLanguages(t, codes)
	}
	cfg, _, warns, err := decodeLanguage(t, "", nil)
	return cfg, warns, err
}

// decodeLanguage is decodeTree for the pages of language lang ("": the
// default one), whose settings it lays over the site's; it returns the
// language's description too. With hugo set, the Hugo-only keys found are
// added to it, for the caller to report, rather than reported.
func decodeLanguage(t tree, lang string, hugo *[]hugoKey) (Config, Language, []*diag.Diagnostic, error) {
	cfg := Default()
	d := &decoder{pos: t.pos, leaves: map[string]leaf{}}
	_, meta := d.languages(t, lang)
	d.hugoMinify(t)
	themes := d.theme(t)
	cascade := d.cascade(t)
	d.walk(t.m, nil, "", schema)
	if hugo != nil {
		*hugo = append(*hugo, d.hugo...)
	} else {
		d.reportHugo()
	}
	d.apply(&cfg)
	cfg.Cascade = cascade
	cfg.Theme = themes
	cfg.Brand = d.brand(t)
	d.diags.Sort()
	return cfg, meta, d.diags.Warnings(), d.diags.Err()
}

// decodeTOML parses data into a generic tree; a syntax error becomes a
// positioned diagnostic.
func decodeTOML(data []byte) (m map[string]any, err error) {
	defer func() {
		// The toml parser re-panics anything that is not its own
		// ParseError; user input must never crash a build.
		if r := recover(); r != nil {
			m, err = nil, diag.Errorf("", 0, 0, "invalid TOML: %v", r)
		}
	}()
	if _, err := toml.Decode(string(data), &m); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line, col := errorPosition(data, pe.Position)
			return nil, diag.Errorf("", line, col, "invalid TOML: %s", pe.Message)
		}
		return nil, diag.Errorf("", 0, 0, "invalid TOML: %v", err)
	}
	return m, nil
}

// errorPosition recomputes line and column from the byte offset of a
// toml.ParseError: the parser's own line can already count a newline it
// has just read ("[markup\n" is reported at the column of the newline but
// on the next line). Columns count bytes.
func errorPosition(data []byte, p toml.Position) (line, col int) {
	// The parser drops a byte-order mark before counting offsets.
	for _, bom := range []string{"\xef\xbb\xbf", "\xff\xfe", "\xfe\xff"} {
		if bytes.HasPrefix(data, []byte(bom)) {
			data = data[len(bom):]
			break
		}
	}
	if p.Start < 0 || p.Start > len(data) {
		return p.Line, p.Col
	}
	return pos.New(data).BytePosition(p.Start)
}

// unwrapPath drops the *fs.PathError wrapper, whose path repeats the name.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// notExistError is the missing-file diagnostic that also matches
// fs.ErrNotExist; errors.As still finds the *diag.Diagnostic.
type notExistError struct{ *diag.Diagnostic }

func (e notExistError) Unwrap() error { return e.Diagnostic }

func (e notExistError) Is(target error) bool { return target == fs.ErrNotExist }
