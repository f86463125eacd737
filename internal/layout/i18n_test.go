package layout

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/i18n"
)

// TestThemeTranslations: the theme's tables parse, and every language
// the theme speaks gives every key of the English table, and every key the
// layouts ask for is in it.
func TestThemeTranslations(t *testing.T) {
	t.Parallel()
	tables, err := ThemeTranslations()
	if err != nil {
		t.Fatal(err)
	}
	langs := []string{"de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "zh"}
	for _, l := range langs {
		if tables[l] == nil {
			t.Errorf("no theme table for %s", l)
		}
	}
	keys := func(l string) []string {
		tr := i18n.New(nil, map[string]i18n.Table{l: tables[l]}, i18n.Options{Lang: l})
		var ks []string
		for k := range tables["en"] {
			if !tr.Has(k) {
				ks = append(ks, k)
			}
		}
		slices.Sort(ks)
		return ks
	}
	for l := range tables {
		if l == "en" {
			continue
		}
		// keys(l) translates with l's table alone: no English behind it.
		if missing := keys(l); len(missing) > 0 {
			t.Errorf("theme table %s lacks %s", l, strings.Join(missing, ", "))
		}
	}
	// Every T "key" of the layouts is a key of the English table.
	en := i18n.New(nil, map[string]i18n.Table{"en": tables["en"]}, i18n.Options{Lang: "en"})
	call := regexp.MustCompile(`(?:\bT|i18nForms) "([^"]+)"`)
	err = fs.WalkDir(theme, "theme/layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(theme, p)
		if err != nil {
			return err
		}
		for _, m := range call.FindAllStringSubmatch(string(b), -1) {
			if !en.Has(m[1]) {
				t.Errorf("%s asks for %q, which the theme's en.toml lacks", p, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
