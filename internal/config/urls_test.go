package config

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDisablePathToLower(t *testing.T) {
	t.Parallel()
	cfg, warns, err := load(t, "disablePathToLower = true\n")
	if err != nil || len(warns) != 0 || !cfg.URLs.DisablePathToLower {
		t.Errorf("disablePathToLower = true: got %v, warnings %v, error %v; want true and no diagnostics", cfg.URLs.DisablePathToLower, warns, err)
	}
	if cfg, _, _ := load(t, ""); cfg.URLs.DisablePathToLower {
		t.Errorf("disablePathToLower defaults to true, want false")
	}
}

func TestPermalinks(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name          string
		src           string
		page, section map[string]string
		wantErr       string
	}{
		{"PlainFormIsForPages", "[permalinks]\nBlog = \"/:year/:month/:day/:slug/\"\n",
			map[string]string{"blog": "/:year/:month/:day/:slug/"}, nil, ""},
		{"ByKind", "[permalinks.page]\nposts = \"/articles/:year/:slug/\"\n[permalinks.section]\nposts = \"/articles/\"\n",
			map[string]string{"posts": "/articles/:year/:slug/"}, map[string]string{"posts": "/articles/"}, ""},
		{"EveryToken", "[permalinks]\ndocs = \"/:year/:month/:monthname/:day/:weekday/:weekdayname/:yearday/:section/:sections/:sections[1:]/:sections[last]/:title/:slug/:slugorfilename/:filename/:contentbasename/:slugorcontentbasename/\"\n",
			map[string]string{"docs": "/:year/:month/:monthname/:day/:weekday/:weekdayname/:yearday/:section/:sections/:sections[1:]/:sections[last]/:title/:slug/:slugorfilename/:filename/:contentbasename/:slugorcontentbasename/"}, nil, ""},
		{"TimeLayoutToken", "[permalinks]\nposts = \"/:06/:Jan/:slug/\"\n",
			map[string]string{"posts": "/:06/:Jan/:slug/"}, nil, ""},
		{"TaxonomyPatternsUnused", "[permalinks.term]\ntags = \"/topics/:slug/\"\n", nil, nil, ""},
		{"UnknownToken", "title = \"x\"\n[permalinks]\n  blog = \"/:year/:titel/\"\n",
			nil, nil, `config.toml:3:3: permalinks.blog: unknown token ":titel" in "/:year/:titel/" (hint: tokens: :year :month`},
		{"UnknownTokenInKindTable", "[permalinks.section]\nblog = \"/:sektion/\"\n",
			nil, nil, `config.toml:2:1: permalinks.section.blog: unknown token ":sektion" in "/:sektion/"`},
		{"SliceOfSectionOnly", "[permalinks]\nblog = \"/:title[1:]/\"\n",
			nil, nil, `config.toml:2:1: permalinks.blog: unknown token ":title[1:]"`},
		{"UnknownKind", "[permalinks.pages]\nblog = \"/:slug/\"\n",
			nil, nil, `config.toml:1:2: permalinks.pages: unknown page kind "pages"`},
		{"NotAString", "[permalinks]\nblog = 3\n",
			nil, nil, `config.toml:2:1: permalinks.blog: expected a string, got an integer`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			cfg, warns, err := load(t, tc.src)
			if tc.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tc.wantErr) {
					t.Fatalf("Load(%q) error = %v, want %q", tc.src, err, tc.wantErr)
				}
				return
			}
			if err != nil || len(warns) != 0 {
				t.Fatalf("Load(%q) = warnings %v, error %v", tc.src, warns, err)
			}
			if got := cfg.URLs.Permalinks; !maps.Equal(got.Page, tc.page) || !maps.Equal(got.Section, tc.section) {
				t.Errorf("Permalinks = %v, want page %v, section %v", got, tc.page, tc.section)
			}
		})
	}
}

// TestPermalinksYAML reads [permalinks] from config.yaml, as linkerd and
// etcd write their config, with the key's line in an error.
func TestPermalinksYAML(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := "title: x\npermalinks:\n  blog: /:year/:month/:day/:slug/\n  section:\n    blog: /:sektion/\n"
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, _, err := LoadSite(dir, "production")
	want := `config.yaml:5:5: permalinks.section.blog: unknown token ":sektion"`
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("LoadSite error = %v, want %s", err, want)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte(src[:strings.Index(src, "  section")]), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, _, warns, err := LoadSite(dir, "production")
	if err != nil || len(warns) != 0 || cfg.URLs.Permalinks.Page["blog"] != "/:year/:month/:day/:slug/" {
		t.Errorf("LoadSite = %v, warnings %v, error %v; want the blog pattern", cfg.URLs.Permalinks, warns, err)
	}
}
