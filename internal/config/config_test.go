package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/quire-docs/quire/internal/diag"
)

// load writes src to a temporary config.toml and loads it, so messages
// carry the "config.toml:LINE" prefix users see.
func load(t *testing.T, src string) (Config, []*diag.Diagnostic, error) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, _, warns, err := LoadSite(dir, "production")
	return cfg, warns, err
}

// errorLines splits a joined error into one message per diagnostic.
func errorLines(err error) []string {
	if err == nil {
		return nil
	}
	return strings.Split(err.Error(), "\n")
}

func TestDefault(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, src string }{
		{"EmptyFile", ""},
		{"CommentsAndBlankLines", "# nothing here\n\n   \n# still nothing\n"},
		{"EmptyTables", "[markup]\n[markup.highlight]\n[params]\n"},
		{"ByteOrderMark", "\uFEFF"},
		{"CRLF", "# a\r\n\r\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, warns, err := Parse([]byte(tc.src))
			if err != nil || len(warns) != 0 {
				t.Fatalf("Parse(%q): warnings %v, error %v; want none", tc.src, warns, err)
			}
			if want := Default(); !reflect.DeepEqual(got, want) {
				t.Errorf("Parse(%q) = %+v, want %+v", tc.src, got, want)
			}
		})
	}
}

func TestDefaultValues(t *testing.T) {
	t.Parallel()
	want := Config{
		BaseURL: "/", LanguageCode: "en", ContentDir: "content", LayoutDir: "layouts",
		AssetDir: "assets", StaticDirs: []string{"static"}, PublishDir: "public", Minify: true,
		Highlight: Highlight{Style: "github", DarkStyle: "github-dark"},
		Unsafe:    true, HeadingIDs: "github", NormalizeHeadings: true, Params: map[string]any{},
		Math:    Math{Enable: true, Block: [][2]string{{"$$", "$$"}}, Inline: [][2]string{{`\(`, `\)`}}},
		Mermaid: Mermaid{Enable: true},
		LinkCheck: LinkCheck{
			Internal: "error", Timeout: 10 * time.Second, Retries: 3, Concurrency: 32, HostConcurrency: 4,
			MaxRetryAfter: time.Minute, MaxRateLimitWait: time.Minute, MaxRedirects: 10, MaxBody: 10 << 20,
			CacheFile: ".quire/linkcache.json", CacheTTL: 24 * time.Hour,
			ArchiveURL: "https://web.archive.org/web/*/{url}", ArchiveAPI: "https://archive.org/wayback/available",
		},
		Limits: Limits{FrontMatterBytes: 256 << 10},
		Render: Render{Timeout: 30 * time.Second, MaxPageBytes: 64 << 20},
		LLMs:   LLMs{Enable: true},
	}
	if got := Default(); !reflect.DeepEqual(got, want) {
		t.Errorf("Default() = %+v, want %+v", got, want)
	}
}

func TestParseKeys(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		src  string
		want func(*Config)
	}{
		{"BaseURLAbsolute", `baseURL = "https://example.org/docs/"`, func(c *Config) { c.BaseURL, c.BaseURLSet = "https://example.org/docs/", true }},
		{"BaseURLGetsTrailingSlash", `baseURL = "https://example.org/docs"`, func(c *Config) { c.BaseURL, c.BaseURLSet = "https://example.org/docs/", true }},
		{"BaseURLHostOnly", `baseURL = "http://localhost:1313"`, func(c *Config) { c.BaseURL, c.BaseURLSet = "http://localhost:1313/", true }},
		{"BaseURLPath", `baseURL = "/docs"`, func(c *Config) { c.BaseURL, c.BaseURLSet = "/docs/", true }},
		{"Title", `title = "My docs"`, func(c *Config) { c.Title = "My docs" }},
		{"LanguageCode", `languageCode = "fr"`, func(c *Config) { c.LanguageCode = "fr" }},
		{"ContentDir", `contentDir = "docs"`, func(c *Config) { c.ContentDir = "docs" }},
		{"LayoutDir", `layoutDir = "theme/layouts"`, func(c *Config) { c.LayoutDir = "theme/layouts" }},
		{"AssetDir", `assetDir = "static"`, func(c *Config) { c.AssetDir = "static" }},
		{"StaticDir", `staticDir = "public-files"`, func(c *Config) { c.StaticDirs = []string{"public-files"} }},
		{"StaticDirList", `staticDir = ["static", "static-extra"]`, func(c *Config) { c.StaticDirs = []string{"static", "static-extra"} }},
		{"StaticDirEmptyList", `staticDir = []`, func(c *Config) { c.StaticDirs = []string{} }},
		{"PublishDir", `publishDir = "out"`, func(c *Config) { c.PublishDir = "out" }},
		{"MinifyOff", `minify = false`, func(c *Config) { c.Minify = false }},
		{"GitInfoOn", `enableGitInfo = true`, func(c *Config) { c.GitInfo = true }},
		{"LLMsOff", "[llms]\nenable = false", func(c *Config) { c.LLMs.Enable = false }},
		{"ThemeName", `theme = "docsy"`, func(c *Config) { c.Theme = []string{"docsy"} }},
		{"ThemeList", `theme = ["hextra", "extra"]`, func(c *Config) { c.Theme = []string{"hextra", "extra"} }},
		{"TOCLevels", "[markup.tableOfContents]\nstartLevel = 2\nendLevel = 4\nordered = true",
			func(c *Config) { c.TOC = TOC{StartLevel: 2, EndLevel: 4, Ordered: true} }},
		{"TOCStartOnly", "[markup.tableOfContents]\nstartLevel = 3", func(c *Config) { c.TOC.StartLevel = 3 }},
		{"TOCEqualLevels", "[markup.tableOfContents]\nstartLevel = 3\nendLevel = 3",
			func(c *Config) { c.TOC.StartLevel, c.TOC.EndLevel = 3, 3 }},
		{"HighlightStyles", "[markup.highlight]\nstyle = \"monokailight\"\ndarkStyle = \"dracula\"",
			func(c *Config) { c.Highlight = Highlight{Style: "monokailight", DarkStyle: "dracula"} }},
		{"HighlightStyleCaseInsensitive", "[markup.highlight]\nstyle = \"GitHub\"", func(c *Config) { c.Highlight.Style = "github" }},
		{"UnsafeOff", "[markup.goldmark.renderer]\nunsafe = false", func(c *Config) { c.Unsafe = false }},
		{"HeadingsAsWritten", "[markup.headings]\nnormalize = false", func(c *Config) { c.NormalizeHeadings = false }},
		{"DottedKeys", "markup.goldmark.renderer.unsafe = false", func(c *Config) { c.Unsafe = false }},
		{"BlackfridayHeadingIDs", "[markup.goldmark.parser]\nautoHeadingIDType = \"blackfriday\"", func(c *Config) { c.HeadingIDs = "blackfriday" }},
		{"InlineTables", "markup = { highlight = { style = \"nord\" } }", func(c *Config) { c.Highlight.Style = "nord" }},
		{"KeysAreCaseInsensitive", `baseurl = "/x/"` + "\nMINIFY = false", func(c *Config) { c.BaseURL, c.BaseURLSet, c.Minify = "/x/", true, false }},
		{"ParamsPassedThrough", "[params]\ngithub = \"quire-docs/quire\"\n[params.nested]\nn = 1\nlist = [1, \"two\"]",
			func(c *Config) {
				c.Params = map[string]any{"github": "quire-docs/quire", "nested": map[string]any{"n": int64(1), "list": []any{int64(1), "two"}}}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			want := Default()
			tc.want(&want)
			got, warns, err := Parse([]byte(tc.src))
			if err != nil || len(warns) != 0 {
				t.Fatalf("Parse(%q): warnings %v, error %v; want none", tc.src, warns, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Parse(%q) = %+v, want %+v", tc.src, got, want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		src  string
		want string // the whole error, one diagnostic
	}{
		{"SyntaxError", "title = \"x\"\nminify = \n", `config.toml:2:10: invalid TOML: expected value but found '\n' instead`},
		{"UnterminatedString", "\n\ntitle = \"x\n", `config.toml:3:11: invalid TOML: strings cannot contain newlines`},
		{"SyntaxErrorAfterByteOrderMark", "\uFEFFtitle = \n", `config.toml:1:9: invalid TOML: expected value but found '\n' instead`},
		{"UnclosedTableHeader", "title = \"x\"\n[markup\nstyle = 1", `config.toml:2:8: invalid TOML: expected '.' or ']' to end table name, but got '\n' instead`},
		{"BoolGotString", "title = \"x\"\n\nminify = \"yes\"", `config.toml:3:1: minify: expected a boolean, got a string`},
		{"IntGotString", "[markup.tableOfContents]\nstartLevel = \"two\"", `config.toml:2:1: markup.tableOfContents.startLevel: expected an integer, got a string`},
		{"IntGotFloat", "[markup.tableOfContents]\nendLevel = 3.0", `config.toml:2:1: markup.tableOfContents.endLevel: expected an integer, got a float`},
		{"StringGotInt", "  title = 3", `config.toml:1:3: title: expected a string, got an integer`},
		{"TableGotString", `markup = "goldmark"`, `config.toml:1:1: markup: expected a table, got a string`},
		{"ParamsGotArray", `params = [1]`, `config.toml:1:1: params: expected a table, got an array`},
		{"BaseURLRelative", `baseURL = "example.org"`, `config.toml:1:1: baseURL: "example.org" is a relative URL (hint: write "https://example.org")`},
		{"BaseURLHostPortWithoutScheme", `baseURL = "localhost:1313"`, `config.toml:1:1: baseURL: "localhost:1313" has no http:// or https:// scheme (hint: write "http://localhost:1313")`},
		{"BaseURLBadScheme", "\nbaseURL = \"ftp://example.org/\"", `config.toml:2:1: baseURL: scheme "ftp" is not supported (hint: want an absolute http(s) URL such as "https://example.org/docs/", or a path such as "/docs/")`},
		{"BaseURLNoHost", `baseURL = "https:///docs/"`, `config.toml:1:1: baseURL: "https:///docs/" has no host (hint: want an absolute http(s) URL such as "https://example.org/docs/", or a path such as "/docs/")`},
		{"BaseURLUnparsable", `baseURL = "http://exa mple.org/"`, `config.toml:1:1: baseURL: "http://exa mple.org/" is not a valid URL (hint: want an absolute http(s) URL such as "https://example.org/docs/", or a path such as "/docs/")`},
		{"BaseURLQuery", `baseURL = "https://example.org/?a=b"`, `config.toml:1:1: baseURL: "https://example.org/?a=b" has a query or fragment (hint: want an absolute http(s) URL such as "https://example.org/docs/", or a path such as "/docs/")`},
		{"BaseURLBlank", `baseURL = "  "`, `config.toml:1:1: baseURL: must not be empty (hint: use "/" to serve from the root of the host)`},
		{"HeadingIDTypeUnknown", "[markup.goldmark.parser]\nautoHeadingIDType = \"github-ascii\"", `config.toml:2:1: markup.goldmark.parser.autoHeadingIDType: unknown type "github-ascii" (hint: use "github" (GitHub's anchors, the default) or "blackfriday" (Hugo's before 0.60))`},
		{"StartLevelTooHigh", "[markup.tableOfContents]\nstartLevel = 7", `config.toml:2:1: markup.tableOfContents.startLevel: 7 is not a heading level (hint: use 1 to 6, or 0 for automatic)`},
		{"EndLevelNegative", "[markup.tableOfContents]\nendLevel = -1", `config.toml:2:1: markup.tableOfContents.endLevel: -1 is not a heading level (hint: use 1 to 6, or 0 for automatic)`},
		{"StartAfterEnd", "[markup.tableOfContents]\nstartLevel = 4\nendLevel = 2", `config.toml:3:1: markup.tableOfContents.endLevel: 2 is less than startLevel 4 (hint: endLevel must be at least startLevel; 0 means startLevel + 2)`},
		{"UnknownStyle", "[markup.highlight]\nstyle = \"githb\"", `config.toml:2:1: markup.highlight.style: unknown chroma style "githb" (hint: did you mean "github"? valid styles include github, github-dark, monokai, dracula, nord, solarized-light, solarized-dark, catppuccin-latte, catppuccin-mocha)`},
		{"UnknownDarkStyle", "[markup.highlight]\n\ndarkStyle = \"nope-nope-nope\"", `config.toml:3:1: markup.highlight.darkStyle: unknown chroma style "nope-nope-nope" (hint: valid styles include github, github-dark, monokai, dracula, nord, solarized-light, solarized-dark, catppuccin-latte, catppuccin-mocha)`},
		{"EmptyContentDir", `contentDir = ""`, `config.toml:1:1: contentDir: must not be empty (hint: remove the key to use the default "content")`},
		{"StaticDirGotBool", `staticDir = true`, `config.toml:1:1: staticDir: expected a string or an array, got a boolean`},
		{"StaticDirOutsideTheSite", `staticDir = ["static", "../shared/static"]`, `config.toml:1:1: staticDir: "../shared/static" is outside the site root (hint: a build reads only files inside the site: link the directory into it, and list the target in [security] allowOutside)`},
		{"StaticDirListGotInt", `staticDir = ["static", 3]`, `config.toml:1:1: staticDir: 3 is not a directory path (hint: write paths relative to the site root, like "static" or ["static", "static-extra"])`},
		{"BlankPublishDir", "\n\npublishDir = \"  \"", `config.toml:3:1: publishDir: must not be empty (hint: remove the key to use the default "public")`},
		{"PublishDirIsSiteRoot", `publishDir = "./"`, `config.toml:1:1: publishDir: "./" would replace the whole site (hint: use a subdirectory such as "public")`},
		{"PublishDirIsContentDir", "contentDir = \"docs\"\npublishDir = \"docs/\"", `config.toml:2:1: publishDir: "docs/" is also the contentDir (hint: use a separate directory such as "public")`},
		{"KeySetTwiceInOtherCase", "minify = true\nMinify = false", `config.toml:2:1: minify: set twice (also on line 1) (hint: keys are case-insensitive; keep one)`},
		{"ThemeNotAName", "\ntheme = 1", `config.toml:2:1: theme: expected a string or a list of strings, got an integer`},
		{"InlineTableKeyPosition", "[markup]\ngoldmark = { renderer = { unsafe = 1 } }", `config.toml:2:27: markup.goldmark.renderer.unsafe: expected a boolean, got an integer`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, _, err := load(t, tc.src)
			if err == nil {
				t.Fatalf("Load(%q): no error, want %q", tc.src, tc.want)
			}
			if got := err.Error(); got != tc.want {
				t.Errorf("Load(%q) error:\n got %s\nwant %s", tc.src, got, tc.want)
			}
			var d *diag.Diagnostic
			if !errors.As(err, &d) || d.Severity != diag.Error {
				t.Errorf("Load(%q) error %v is not an error-severity *diag.Diagnostic", tc.src, err)
			}
		})
	}
}

// TestThemeFromModuleImports: a site whose theme is a Hugo module names
// it in [module] imports; Theme lists theme's names, then those paths.
func TestThemeFromModuleImports(t *testing.T) {
	t.Parallel()
	cfg, _, err := load(t, "theme = \"a\"\n[[module.imports]]\npath = \"github.com/google/docsy\"\n[[module.imports]]\ndisable = true")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a", "github.com/google/docsy"}; !reflect.DeepEqual(cfg.Theme, want) {
		t.Errorf("Theme = %q, want %q", cfg.Theme, want)
	}
}

// TestEmptyBaseURL: Hugo accepts baseURL = "" (a site served from the
// root of any host); so does quire, warning that the URL is not absolute.
func TestEmptyBaseURL(t *testing.T) {
	t.Parallel()
	cfg, warns, err := load(t, "title = \"x\"\nbaseURL = \"\"\n")
	if err != nil {
		t.Fatalf("Load(baseURL = \"\"): %v, want no error", err)
	}
	if cfg.BaseURL != "/" {
		t.Errorf("BaseURL = %q, want %q", cfg.BaseURL, "/")
	}
	want := []string{`config.toml:2:1: baseURL: "" is not an absolute URL; pages get root-relative links and no absolute Permalink (hint: set baseURL to the site's address, such as "https://example.org/")`}
	var got []string
	for _, w := range warns {
		got = append(got, w.Error())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("warnings:\n got %q\nwant %q", got, want)
	}
}

func TestUnknownKeys(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		src  string
		want []string
	}{
		{"Misspelt", "title = \"x\"\n\nminfy = true", []string{`config.toml:3: unknown key "minfy" (hint: did you mean "minify"?)`}},
		{"MisspeltInTable", "[markup.highlight]\nstyel = \"github\"", []string{`config.toml:2: unknown key "markup.highlight.styel" (hint: did you mean "markup.highlight.style"?)`}},
		{"AtWrongLevel", "unsafe = true", []string{`config.toml:1: unknown key "unsafe" (hint: did you mean "markup.goldmark.renderer.unsafe"?)`}},
		{"NoSuggestion", "\nsomethingElse = 1", []string{`config.toml:2: unknown key "somethingElse" (hint: site-specific settings belong under [params])`}},
		{"UnknownTableOnce", "[markup.goldmark.extnsions]\ntypographer = true\nlinkify = true", []string{`config.toml:1: unknown key "markup.goldmark.extnsions" (hint: did you mean "markup.goldmark.extensions"?)`}},
		{"HugoKeysInOneLine", "theme = \"docsy\"\nminfy = true\n[module]\nx = 1\n[markup.goldmark.extensions]\ntypographer = true\n[markup.highlight]\nlineNos = true", []string{
			`config.toml: Hugo settings quire does not use: module, markup.goldmark.extensions.typographer, markup.highlight.lineNos (hint: quire builds without them; the docs page coming-from-hugo says what quire reads)`,
			`config.toml:2: unknown key "minfy" (hint: did you mean "minify"?)`,
		}},
		{"ParamsAreFree", "[params]\nminfy = 1\n[params.deep]\nanything = true", nil},
		{"InLineOrder", "zz = 1\naa = 2", []string{
			`config.toml:1: unknown key "zz" (hint: site-specific settings belong under [params])`,
			`config.toml:2: unknown key "aa" (hint: site-specific settings belong under [params])`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, warns, err := load(t, tc.src)
			if err != nil {
				t.Fatalf("Load(%q): unexpected error %v", tc.src, err)
			}
			var got []string
			for _, w := range warns {
				if w.Severity != diag.Warning {
					t.Errorf("Load(%q): %v has severity %v, want warning", tc.src, w, w.Severity)
				}
				got = append(got, w.Error())
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Load(%q) warnings:\n got %q\nwant %q", tc.src, got, tc.want)
			}
		})
	}
}

func TestAllProblemsReportedTogether(t *testing.T) {
	t.Parallel()
	src := `baseURL = "example.org"
minfy = true
minify = "yes"
[markup.tableOfContents]
startLevel = "two"
endLevel = 9
[markup.highlight]
style = "githb"
[params]
minfy = "params are free"
`
	cfg, warns, err := load(t, src)
	wantErrs := []string{
		`config.toml:1:1: baseURL: "example.org" is a relative URL (hint: write "https://example.org")`,
		`config.toml:3:1: minify: expected a boolean, got a string`,
		`config.toml:5:1: markup.tableOfContents.startLevel: expected an integer, got a string`,
		`config.toml:6:1: markup.tableOfContents.endLevel: 9 is not a heading level (hint: use 1 to 6, or 0 for automatic)`,
		`config.toml:8:1: markup.highlight.style: unknown chroma style "githb" (hint: did you mean "github"? valid styles include github, github-dark, monokai, dracula, nord, solarized-light, solarized-dark, catppuccin-latte, catppuccin-mocha)`,
	}
	if got := errorLines(err); !reflect.DeepEqual(got, wantErrs) {
		t.Errorf("Load errors:\n got %q\nwant %q", got, wantErrs)
	}
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok || len(joined.Unwrap()) != len(wantErrs) {
		t.Fatalf("Load error %T is not errors.Join of %d diagnostics", err, len(wantErrs))
	}
	for _, e := range joined.Unwrap() {
		if _, ok := e.(*diag.Diagnostic); !ok {
			t.Errorf("joined error %v is %T, want *diag.Diagnostic", e, e)
		}
	}
	if len(warns) != 1 || warns[0].Error() != `config.toml:2: unknown key "minfy" (hint: did you mean "minify"?)` {
		t.Errorf("Load warnings = %v, want the one for minfy", warns)
	}
	if cfg.Params["minfy"] != "params are free" {
		t.Errorf("Load Params = %v, want the valid keys applied despite errors", cfg.Params)
	}
}

func TestSourceDirs(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		src  string
		want []string
	}{
		{"Defaults", ``, []string{"content", "layouts", "assets", "i18n", "data", "static"}},
		{"EveryStaticDir", `staticDir = ["static", "vendor/static"]`, []string{"content", "layouts", "assets", "i18n", "data", "static", "vendor/static"}},
		{"EachOnce", "assetDir = \"static\"\nstaticDir = [\"static\"]", []string{"content", "layouts", "static", "i18n", "data"}},
		{"TheLanguagesOwn", "staticDir = \"static\"\n[languages.en]\nstaticDir = [\"static_en\"]", []string{"content", "layouts", "assets", "i18n", "data", "static_en"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, _, err := Parse([]byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			if got := c.SourceDirs(); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("SourceDirs() = %q, want %q", got, tc.want)
			}
		})
	}
}
