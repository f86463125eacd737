package config

import (
	"reflect"
	"strings"
	"testing"
)

func TestLanguages(t *testing.T) {
	t.Parallel()
	type lang struct {
		Code, Name, Prefix, Dir, Title, LanguageCode, Direction string
		Weight                                                  int
		Default, Shared                                         bool
	}
	for _, tc := range []struct {
		name      string
		src       string
		wantTitle string
		want      []lang
		wantErrs  string
	}{
		{
			name: "ByContentDirDefaultAtRoot",
			src: `title = "site"
defaultContentLanguage = "fr"
[languages.en]
contentDir = "content/en"
weight = 2
[languages.fr]
contentDir = "content/fr"
languageName = "Français"
title = "Le site"
weight = 1
`,
			wantTitle: "Le site",
			want: []lang{
				{Code: "fr", Name: "Français", Prefix: "", Dir: "content/fr", Title: "Le site", LanguageCode: "fr", Direction: "ltr", Weight: 1, Default: true},
				{Code: "en", Name: "en", Prefix: "en", Dir: "content/en", Title: "site", LanguageCode: "en", Direction: "ltr", Weight: 2},
			},
		},
		{
			name: "SharedDirInSubdir",
			src: `defaultContentLanguageInSubdir = true
languageCode = "en-us"
[languages.en]
[languages.ar]
languageDirection = "rtl"
languageCode = "ar-eg"
`,
			wantTitle: "",
			want: []lang{
				{Code: "ar", Name: "ar", Prefix: "ar", Dir: "content", LanguageCode: "ar-eg", Direction: "rtl", Shared: true},
				{Code: "en", Name: "en", Prefix: "en", Dir: "content", LanguageCode: "en", Direction: "ltr", Default: true, Shared: true},
			},
		},
		{
			name:     "BadDirectionAndWeight",
			src:      "[languages.en]\n[languages.de]\nweight = \"x\"\nlanguageDirection = \"up\"\n",
			wantErrs: "config.toml:3:1: languages.de.weight: expected an integer, got a string\nconfig.toml:4:1: languages.de.languageDirection: expected \"ltr\" or \"rtl\", got up",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			cfg, _, _, err := LoadSite(writeSite(t, map[string]string{"config.toml": tc.src}), "production")
			if tc.wantErrs != "" {
				if got := strings.Join(errorLines(err), "\n"); got != tc.wantErrs {
					t.Fatalf("errors:\n got %s\nwant %s", got, tc.wantErrs)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Title != tc.wantTitle {
				t.Errorf("Title = %q, want the default language's %q", cfg.Title, tc.wantTitle)
			}
			var got []lang
			for _, l := range cfg.Languages {
				got = append(got, lang{Code: l.Code, Name: l.Name, Prefix: l.Prefix, Dir: l.Config.ContentDir, Title: l.Config.Title,
					LanguageCode: l.Config.LanguageCode, Direction: l.Direction, Weight: l.Weight, Default: l.Default, Shared: l.SharedDir})
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Languages:\n got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestForLanguage(t *testing.T) {
	t.Parallel()
	cfg, _, err := Parse([]byte("baseURL = \"https://example.org/docs/\"\n[languages.en]\n[languages.de]\nminify = true\n"))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Minify = false // as --minify=false sets it
	de := cfg.ForLanguage(cfg.Languages[0])
	if de.BaseURL != "https://example.org/docs/de/" || de.Minify {
		t.Errorf("ForLanguage(de): BaseURL %q, Minify %v; want the site's baseURL under de/, minify off", de.BaseURL, de.Minify)
	}
	if en := cfg.ForLanguage(cfg.Languages[1]); en.BaseURL != "https://example.org/docs/" {
		t.Errorf("ForLanguage(en).BaseURL = %q, want the site's", en.BaseURL)
	}
}

func TestLanguagesHugoKeysOnce(t *testing.T) {
	t.Parallel()
	_, warns, err := Parse([]byte("googleAnalytics = \"x\"\n[languages.en]\nlabel = \"E\"\n[languages.de]\nlabel = \"D\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range warns {
		got = append(got, w.Error())
	}
	want := []string{"Hugo settings quire does not use: googleAnalytics, languages.en.label, languages.de.label (hint: quire builds without them; the docs page coming-from-hugo says what quire reads)"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("warnings:\n got %q\nwant %q", got, want)
	}
}
