package layout

import (
	"context"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/i18n"
	"github.com/quire-docs/quire/internal/memo"
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

// TestHashSiteCoversTranslations: the template memo's key changes with
// the site's translations, so quire serve renders pages again when an
// i18n/ file changes.
func TestHashSiteCoversTranslations(t *testing.T) {
	t.Parallel()
	seeds := memo.NewSeeds()
	sum := func(tables map[string]i18n.Table) memo.Key {
		s := &Site{Title: "S", Params: map[string]any{}, I18n: i18n.New(tables, nil, i18n.Options{Lang: "de"})}
		h := seeds.Hasher()
		HashSite(context.Background(), &seeds, h, s)
		return h.Sum()
	}
	parse := func(next string) map[string]i18n.Table {
		tb, err := i18n.Parse("i18n/de.toml", map[string]any{"next": next}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return map[string]i18n.Table{"de": tb}
	}
	if sum(parse("Weiter")) == sum(parse("Nächste")) {
		t.Error("the site's hash is the same for two different translations")
	}
	if a, b := sum(parse("Weiter")), sum(parse("Weiter")); a != b {
		t.Error("the site's hash differs for the same translations")
	}
}
