package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// writeSite writes files (slash paths to contents) under a new directory.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestLoadSite(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name      string
		files     map[string]string
		env       string // "production" when empty
		want      func(*Config)
		wantFiles []string
		wantWarns []string
		wantErrs  []string
	}{
		{
			name: "YAMLFile",
			files: map[string]string{"config.yaml": `
baseURL: https://example.org/docs
title: From YAML
minify: false
markup:
  highlight: {style: monokai}
  tableOfContents:
    startLevel: 2
    endLevel: 4
params:
  repo: &repo https://example.org/repo
  mirror: *repo
  vers: {go: v1.2}
`},
			want: func(c *Config) {
				c.BaseURL, c.BaseURLSet, c.Title, c.Minify = "https://example.org/docs/", true, "From YAML", false
				c.Highlight.Style = "monokai"
				c.TOC = TOC{StartLevel: 2, EndLevel: 4}
				c.Params = map[string]any{"repo": "https://example.org/repo", "mirror": "https://example.org/repo", "vers": map[string]any{"go": "v1.2"}}
			},
			wantFiles: []string{"config.yaml"},
		},
		{
			name:      "YMLFile",
			files:     map[string]string{"config.yml": "title: yml\n"},
			want:      func(c *Config) { c.Title = "yml" },
			wantFiles: []string{"config.yml"},
		},
		{
			name: "JSONFile",
			files: map[string]string{"hugo.json": `{
  "title": "From JSON",
  "markup": {"tableOfContents": {"endLevel": 3}},
  "params": {"n": 2, "f": 1.5}
}`},
			want: func(c *Config) {
				c.Title = "From JSON"
				c.TOC.EndLevel = 3
				c.Params = map[string]any{"n": int64(2), "f": 1.5}
			},
			wantFiles: []string{"hugo.json"},
		},
		{
			name:      "HugoTOMLBeforeConfigTOML",
			files:     map[string]string{"hugo.toml": `title = "hugo"`, "config.toml": `title = "config"`},
			want:      func(c *Config) { c.Title = "hugo" },
			wantFiles: []string{"hugo.toml"},
		},
		{
			name:      "HugoYAMLBeforeConfigTOML",
			files:     map[string]string{"hugo.yaml": `title: hugo`, "config.toml": `title = "config"`},
			want:      func(c *Config) { c.Title = "hugo" },
			wantFiles: []string{"hugo.yaml"},
		},
		{
			name:      "TOMLBeforeYAML",
			files:     map[string]string{"config.toml": `title = "toml"`, "config.yaml": `title: yaml`},
			want:      func(c *Config) { c.Title = "toml" },
			wantFiles: []string{"config.toml"},
		},
		{
			name: "ConfigDirOverRootFile",
			files: map[string]string{
				"config.toml":                 "title = \"root\"\nlanguageCode = \"fr\"\n[params]\na = 1\nb = 1\n",
				"config/_default/hugo.toml":   `title = "dir"`,
				"config/_default/params.yaml": "b: 2\n",
			},
			want: func(c *Config) {
				c.Title, c.LanguageCode = "dir", "fr"
				c.Params = map[string]any{"a": int64(1), "b": int64(2)}
			},
			wantFiles: []string{"config.toml", "config/_default/hugo.toml", "config/_default/params.yaml"},
		},
		{
			name: "ConfigDirOnly",
			files: map[string]string{
				"config/_default/config.yaml": "title: dir only\n",
				"config/_default/markup.toml": "[highlight]\nstyle = \"dracula\"\n",
				"config/_default/README.md":   "not a config file",
			},
			want: func(c *Config) {
				c.Title = "dir only"
				c.Highlight.Style = "dracula"
			},
			wantFiles: []string{"config/_default/config.yaml", "config/_default/markup.toml"},
		},
		{
			name: "ProductionOverlay",
			files: map[string]string{
				"config/_default/hugo.toml":      "baseURL = \"http://localhost/\"\n[params]\na = 1\nb = 1\n",
				"config/production/hugo.toml":    `baseURL = "https://example.org/"`,
				"config/production/params.toml":  "b = 2\n",
				"config/development/params.toml": "b = 3\n",
			},
			want: func(c *Config) {
				c.BaseURL, c.BaseURLSet = "https://example.org/", true
				c.Params = map[string]any{"a": int64(1), "b": int64(2)}
			},
			wantFiles: []string{"config/_default/hugo.toml", "config/production/hugo.toml", "config/production/params.toml"},
		},
		{
			name: "DevelopmentOverlay",
			env:  "development",
			files: map[string]string{
				"config/_default/hugo.toml":      "[params]\na = 1\nb = 1\n",
				"config/production/params.toml":  "b = 2\n",
				"config/development/params.toml": "b = 3\n",
			},
			want:      func(c *Config) { c.Params = map[string]any{"a": int64(1), "b": int64(3)} },
			wantFiles: []string{"config/_default/hugo.toml", "config/development/params.toml"},
		},
		{
			name: "OverlayKeysMatchAnyCase",
			files: map[string]string{
				"config.toml":                 `baseurl = "https://old.example.org/"`,
				"config/production/hugo.yaml": "baseURL: https://new.example.org/\n",
			},
			want:      func(c *Config) { c.BaseURL, c.BaseURLSet = "https://new.example.org/", true },
			wantFiles: []string{"config.toml", "config/production/hugo.yaml"},
		},
		{
			name: "SingleLanguage",
			files: map[string]string{"config.yaml": `
title: site
params: {a: site, b: site}
languages:
  en:
    title: English site
    contentDir: content/en
    languageName: English
    weight: 1
    description: a param
    params: {b: lang}
`},
			want: func(c *Config) {
				c.Title, c.ContentDir = "English site", "content/en"
				c.Params = map[string]any{"a": "site", "b": "lang", "description": "a param"}
			},
			wantFiles: []string{"config.yaml"},
		},
		{
			name:      "HugoMinifyTable",
			files:     map[string]string{"hugo.toml": "[minify]\ndisableCSS = true\nminifyOutput = false\n[minify.tdewolff.html]\nkeepComments = true\n"},
			want:      func(c *Config) { c.Minify = false },
			wantFiles: []string{"hugo.toml"},
			wantWarns: []string{`hugo.toml: Hugo settings quire does not use: minify.disableCSS, minify.tdewolff (hint: quire builds without them; the docs page coming-from-hugo says what quire reads)`},
		},
		{
			name:      "HugoMinifyTableWithoutOutput",
			files:     map[string]string{"hugo.yaml": "minify:\n  disableJS: true\n"},
			wantFiles: []string{"hugo.yaml"},
			wantWarns: []string{`hugo.yaml: Hugo settings quire does not use: minify.disableJS (hint: quire builds without them; the docs page coming-from-hugo says what quire reads)`},
		},
		{
			name:     "HugoMinifyOutputNotABoolean",
			files:    map[string]string{"hugo.yaml": "minify:\n  minifyOutput: yes please\n"},
			wantErrs: []string{`hugo.yaml:2:3: minify: expected a boolean, got a string`},
		},
		{
			name:      "LanguageKeysAreParams",
			files:     map[string]string{"config.toml": "[languages.en]\ndescription = \"d\"\nlanguageCode = \"en-gb\"\n"},
			want:      func(c *Config) { c.LanguageCode, c.Params = "en-gb", map[string]any{"description": "d"} },
			wantFiles: []string{"config.toml"},
		},
		{
			name:  "DefaultContentLanguageIsTheLanguageCodeWhenUnset",
			files: map[string]string{"config.toml": "defaultContentLanguage = \"de\"\nenableMissingTranslationPlaceholders = true\n"},
			want: func(c *Config) {
				c.DefaultContentLanguage, c.LanguageCode, c.MissingTranslationPlaceholders = "de", "de", true
			},
			wantFiles: []string{"config.toml"},
		},
		{
			name: "LanguageFileInConfigDir",
			files: map[string]string{
				"config/_default/hugo.toml":      "[params]\na = 1\n",
				"config/_default/params.en.toml": "a = 2\n",
			},
			want:      func(c *Config) { c.Params = map[string]any{"a": int64(2)} },
			wantFiles: []string{"config/_default/hugo.toml", "config/_default/params.en.toml"},
		},
		{
			name:      "YAMLNullLeavesDefault",
			files:     map[string]string{"config.yaml": "title:\nparams:\n  version:\n"},
			want:      func(c *Config) { c.Params = map[string]any{"version": nil} },
			wantFiles: []string{"config.yaml"},
		},
		{
			name: "DiagnosticsNameTheFileOfTheKey",
			files: map[string]string{
				"config.yaml":                 "title: x\nminfy: true\n",
				"config/_default/markup.yaml": "highlight:\n  style: nope\n",
				"config/_default/menus.yaml":  "main: []\n",
				"config/production/hugo.toml": "\n\nminify = \"yes\"\n",
			},
			want:      func(c *Config) { c.Title = "x" },
			wantFiles: []string{"config.yaml", "config/_default/markup.yaml", "config/_default/menus.yaml", "config/production/hugo.toml"},
			wantWarns: []string{
				`config.yaml:2: unknown key "minfy" (hint: did you mean "minify"?)`,
				`config/_default/menus.yaml: Hugo settings quire does not use: menus (hint: quire builds without them; the docs page coming-from-hugo says what quire reads)`,
			},
			wantErrs: []string{
				`config/_default/markup.yaml:2:3: markup.highlight.style: unknown chroma style "nope" (hint: valid styles include github, github-dark, monokai, dracula, nord, solarized-light, solarized-dark, catppuccin-latte, catppuccin-mocha)`,
				`config/production/hugo.toml:3:1: minify: expected a boolean, got a string`,
			},
		},
		{
			name:      "YAMLSyntaxError",
			files:     map[string]string{"config.yaml": "title: x\nparams:\n  a: [1, 2\n"},
			wantFiles: nil,
			wantErrs:  []string{"config.yaml:3:6: invalid YAML: sequence end token ']' not found"},
		},
		{
			name:     "YAMLKeyTwice",
			files:    map[string]string{"config.yaml": "title: a\ntitle: b\n"},
			wantErrs: []string{`config.yaml:2:1: invalid YAML: mapping key "title" already defined at [1:1]`},
		},
		{
			name:     "YAMLNotAMap",
			files:    map[string]string{"config.yaml": "- a\n- b\n"},
			wantErrs: []string{"config.yaml:1:1: the configuration must be a map of keys to values (hint: write one key per line, such as title: My site)"},
		},
		{
			name:     "JSONSyntaxError",
			files:    map[string]string{"config.json": "{\n  \"title\": \"x\",\n}\n"},
			wantErrs: []string{"config.json:3:1: invalid JSON: invalid character '}' looking for beginning of object key string"},
		},
		{
			name:      "FileNamedConfigIsNotTheDirectory",
			files:     map[string]string{"config.toml": `title = "t"`, "config": "a file"},
			want:      func(c *Config) { c.Title = "t" },
			wantFiles: []string{"config.toml"},
		},
		{
			name:     "BadFileNameInConfigDir",
			files:    map[string]string{"config/_default/a.b.c.toml": ""},
			wantErrs: []string{"config/_default/a.b.c.toml: cannot tell which settings the file holds (hint: name it KEY.toml for the table KEY, or KEY.LANG.toml for a language's)"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := tc.env
			if env == "" {
				env = "production"
			}
			cfg, files, warns, err := LoadSite(writeSite(t, tc.files), env)
			if got := errorLines(err); !reflect.DeepEqual(got, tc.wantErrs) {
				t.Errorf("LoadSite errors:\n got %q\nwant %q", got, tc.wantErrs)
			}
			var got []string
			for _, w := range warns {
				got = append(got, w.Error())
			}
			if !reflect.DeepEqual(got, tc.wantWarns) {
				t.Errorf("LoadSite warnings:\n got %q\nwant %q", got, tc.wantWarns)
			}
			if tc.wantErrs != nil {
				return
			}
			if !reflect.DeepEqual(files, tc.wantFiles) {
				t.Errorf("LoadSite files = %q, want %q", files, tc.wantFiles)
			}
			want := Default()
			want.Environment = env
			if tc.want != nil {
				tc.want(&want)
			}
			if !reflect.DeepEqual(cfg, want) {
				t.Errorf("LoadSite config:\n got %+v\nwant %+v", cfg, want)
			}
		})
	}
}

func TestLoadSiteMissing(t *testing.T) {
	t.Parallel()
	_, _, _, err := LoadSite(t.TempDir(), "production")
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("LoadSite(empty dir) = %v, want an error matching fs.ErrNotExist", err)
	}
	const want = "config.toml: no such file (hint: run quire in the site's root directory, or create config.toml there (an empty file is valid); quire also reads hugo.toml, config.yaml and the other names Hugo reads, and config/_default/)"
	if err.Error() != want {
		t.Errorf("error:\n got %s\nwant %s", err, want)
	}
}

func TestLoadSiteBadEnvironment(t *testing.T) {
	t.Parallel()
	for _, env := range []string{"", "..", "a/b", `a\b`} {
		if _, _, _, err := LoadSite(t.TempDir(), env); err == nil {
			t.Errorf("LoadSite(env %q): no error", env)
		}
	}
}
