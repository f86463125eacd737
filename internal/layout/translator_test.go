package layout

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/quire-docs/quire/internal/config"
)

// TestTranslator: the site's i18n/ tables, in TOML, YAML or JSON and in
// go-i18n's list format, go over the theme's key by key in the
// configured language; files of other kinds are left alone, and every
// broken table is an error at its line while the rest still translate.
func TestTranslator(t *testing.T) {
	t.Parallel()
	translate := func(t *testing.T, fsys fstest.MapFS, cfg config.Config, keys ...string) (string, error) {
		t.Helper()
		tr, err := Translator(fsys, cfg)
		var got []string
		for _, k := range keys {
			s, terr := tr.Translate(k)
			if terr != nil {
				t.Fatalf("Translate(%q): %v", k, terr)
			}
			got = append(got, s)
		}
		return strings.Join(got, "|"), err
	}

	t.Run("NoTablesIsTheTheme", func(t *testing.T) {
		t.Parallel()
		got, err := translate(t, fstest.MapFS{}, config.Config{LanguageCode: "de-DE"}, "next", "nope")
		if err != nil || got != "Weiter|" {
			t.Errorf("got %q, %v; want %q", got, err, "Weiter|")
		}
	})
	t.Run("SiteTablesOverTheTheme", func(t *testing.T) {
		t.Parallel()
		fsys := fstest.MapFS{
			"i18n/de.toml":    {Data: []byte("next = \"Nächste\"\nonly = \"nur\"\n")},
			"i18n/fr.yaml":    {Data: []byte("- id: next\n  translation: Après\n")},
			"i18n/pt_BR.json": {Data: []byte(`[{"id": "next", "translation": {"other": "Seguinte"}}]`)},
			"i18n/es.yml":     {Data: []byte("next:\n  other: Sigue\n")},
			"i18n/notes.txt":  {Data: []byte("not a table")},
			"i18n/.de.toml":   {Data: []byte("next = ")},
		}
		for _, tc := range []struct{ lang, want string }{
			{"de", "Nächste|nur|Zurück"},
			{"fr", "Après||Précédent"},
			{"pt-BR", "Seguinte||Anterior"},
			{"es", "Sigue||Anterior"},
		} {
			got, err := translate(t, fsys, config.Config{LanguageCode: tc.lang}, "next", "only", "previous")
			if err != nil || got != tc.want {
				t.Errorf("%s: got %q, %v; want %q", tc.lang, got, err, tc.want)
			}
		}
	})
	t.Run("DefaultContentLanguageAfterLanguageCode", func(t *testing.T) {
		t.Parallel()
		fsys := fstest.MapFS{"i18n/de.toml": {Data: []byte("only = \"nur deutsch\"\n")}}
		got, err := translate(t, fsys, config.Config{LanguageCode: "fr", DefaultContentLanguage: "de"}, "only", "next")
		if err != nil || got != "nur deutsch|Suivant" {
			t.Errorf("got %q, %v; want %q", got, err, "nur deutsch|Suivant")
		}
	})
	t.Run("BrokenTablesAreErrorsAtTheirLine", func(t *testing.T) {
		t.Parallel()
		fsys := fstest.MapFS{
			"i18n/de.toml": {Data: []byte("next = \"Weiter!\"\n[prev]\nothr = \"Zurück\"\n")},
			"i18n/fr.toml": {Data: []byte("next = \n")},
		}
		got, err := translate(t, fsys, config.Config{LanguageCode: "de"}, "next")
		if got != "Weiter!" {
			t.Errorf("the broken table's good keys: got %q, want %q", got, "Weiter!")
		}
		lines := errorLines(err)
		want := []string{
			`i18n/de.toml:3:1: prev.othr: "othr" is not a plural form (hint: use zero, one, two, few, many, other)`,
			`i18n/fr.toml:1:8: invalid TOML: expected value but found '\n' instead`,
		}
		if !slices.Equal(lines, want) {
			t.Errorf("errors:\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
		}
	})
	t.Run("UnreadableDirectoryIsAnError", func(t *testing.T) {
		t.Parallel()
		fsys := fstest.MapFS{"i18n": {Data: []byte("a file, not a directory")}}
		if _, err := Translator(fsys, config.Config{}); err == nil {
			t.Errorf("i18n as a file: no error")
		}
	})
}

// errorLines returns the messages of err's errors, joined ones one by one.
func errorLines(err error) []string {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var lines []string
		for _, e := range j.Unwrap() {
			lines = append(lines, errorLines(e)...)
		}
		return lines
	}
	if err == nil {
		return nil
	}
	return []string{err.Error()}
}
