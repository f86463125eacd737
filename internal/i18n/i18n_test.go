package i18n

import (
	"strings"
	"testing"
	"time"
)

func mustParse(t *testing.T, file string, v map[string]any) Table {
	t.Helper()
	tb, err := Parse(file, v, nil)
	if err != nil {
		t.Fatalf("Parse(%s): %v", file, err)
	}
	return tb
}

func TestPluralForm(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lang string
		n    float64
		want string
	}{
		{"en", 1, "one"}, {"en", 0, "other"}, {"en", 2, "other"}, {"en", 1.5, "other"},
		{"de-at", 1, "one"}, {"sv", 1, "one"}, {"sv", 7, "other"},
		{"fr", 0, "one"}, {"fr", 1.5, "one"}, {"fr", 2, "other"},
		{"pt-br", 0, "one"}, {"pt", 2, "other"},
		{"ja", 1, "other"}, {"zh", 1, "other"}, {"ko", 2, "other"},
		{"ru", 1, "one"}, {"ru", 21, "one"}, {"ru", 11, "many"}, {"ru", 3, "few"}, {"ru", 13, "many"},
		{"ru", 24, "few"}, {"ru", 5, "many"}, {"ru", 0, "many"}, {"ru", 1.5, "other"},
		{"pl", 1, "one"}, {"pl", 21, "many"}, {"pl", 22, "few"}, {"pl", 12, "many"}, {"pl", 5, "many"}, {"pl", 0.5, "other"},
		{"cs", 3, "few"}, {"cs", 5, "other"}, {"cs", 1.5, "many"},
	}
	for _, tt := range tests {
		if got := pluralForm(tt.lang, tt.n); got != tt.want {
			t.Errorf("pluralForm(%q, %v) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}

func TestCandidates(t *testing.T) {
	t.Parallel()
	tests := []struct{ tag, want string }{
		{"de-DE", "de-de de"}, {"zh_Hant_TW", "zh-hant-tw zh-hant zh"}, {"en", "en"}, {"", ""}, {" PT-br ", "pt-br pt"},
	}
	for _, tt := range tests {
		if got := strings.Join(candidates(tt.tag), " "); got != tt.want {
			t.Errorf("candidates(%q) = %q, want %q", tt.tag, got, tt.want)
		}
	}
}

// TestTranslate: the site's table wins key by key, then the theme's, in
// each language of the chain in turn; counts pick plural forms by the
// rules of the table's language; a missing key is "" or a placeholder.
func TestTranslate(t *testing.T) {
	t.Parallel()
	theme := map[string]Table{
		"en": mustParse(t, "theme/en.toml", map[string]any{"next": "Next", "prev": "Previous", "only": "only en",
			"pages": map[string]any{"one": "{{ .Count }} page", "other": "{{ .Count }} pages"}}),
		"de": mustParse(t, "theme/de.toml", map[string]any{"next": "Weiter", "prev": "Zurück"}),
	}
	site := map[string]Table{
		"de-at": mustParse(t, "i18n/de-AT.toml", map[string]any{"Next": "Vorwärts"}),
		"fr":    mustParse(t, "i18n/fr.toml", map[string]any{"fr": "seulement fr"}),
	}
	tests := []struct {
		name, key string
		ctx       []any
		o         Options
		want      string
	}{
		{"SiteRegionWins", "next", nil, Options{Lang: "de-AT"}, "Vorwärts"},
		{"KeysIgnoreCase", "NEXT", nil, Options{Lang: "de-AT"}, "Vorwärts"},
		{"ThemeLanguageNext", "prev", nil, Options{Lang: "de-AT"}, "Zurück"},
		{"EnglishLast", "only", nil, Options{Lang: "de-AT"}, "only en"},
		{"DefaultBeforeEnglish", "fr", nil, Options{Lang: "de", Default: "fr"}, "seulement fr"},
		{"UnknownLanguageIsEnglish", "next", nil, Options{Lang: "sv"}, "Next"},
		{"CountOne", "pages", []any{1}, Options{Lang: "en"}, "1 page"},
		{"CountString", "pages", []any{"4"}, Options{Lang: "en"}, "4 pages"},
		{"CountFloat", "pages", []any{2.5}, Options{Lang: "en"}, "2.5 pages"},
		{"CountInMap", "pages", []any{map[string]any{"Count": 1}}, Options{Lang: "en"}, "1 page"},
		{"CountInStruct", "pages", []any{struct{ Count int }{7}}, Options{Lang: "en"}, "7 pages"},
		{"FallbackTableKeepsItsRules", "pages", []any{0}, Options{Lang: "fr"}, "0 pages"},
		{"MissingIsEmpty", "nope", nil, Options{Lang: "en"}, ""},
		{"MissingPlaceholder", "nope", nil, Options{Lang: "en", Placeholders: true}, "[i18n] nope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := New(site, theme, tt.o).Translate(tt.key, tt.ctx...)
			if err != nil || got != tt.want {
				t.Errorf("Translate(%q, %v) = %q, %v; want %q", tt.key, tt.ctx, got, err, tt.want)
			}
		})
	}
	if _, err := New(site, theme, Options{}).Translate("next", 1, 2); err == nil {
		t.Error("Translate with two context arguments: no error")
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	pos := func(path ...string) (int, int) { return len(path), 7 }
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"NotAPluralForm", map[string]any{"a": map[string]any{"single": "x"}}, `t.toml:2:7: a.single: "single" is not a plural form (hint: use zero, one, two, few, many, other)`},
		{"NotAString", map[string]any{"a": int64(3)}, `t.toml:1:7: a: want a string or a table of plural forms, got a number`},
		{"FormNotAString", map[string]any{"a": map[string]any{"one": true}}, `t.toml:2:7: a.one: want a string, got a boolean`},
		{"EmptyTable", map[string]any{"a": map[string]any{}}, `t.toml:1:7: a: no translation (want other = "…")`},
		{"BadTemplate", map[string]any{"a": "{{ .X"}, `t.toml:1:7: a: bad template in translation: unclosed action`},
		{"SameKeyTwice", map[string]any{"a": "x", "A": "y"}, `t.toml:1:7: translation "a" is given twice (keys ignore case)`},
		{"NotATable", "x", `t.toml: want a table of translations, got a string`},
	}
	for _, tt := range tests {
		_, err := Parse("t.toml", tt.v, pos)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: Parse error = %v, want %s", tt.name, err, tt.want)
		}
	}
	// go-i18n's first format, a list of ids and translations.
	tb, err := Parse("t.json", []any{map[string]any{"id": "next", "translation": "Weiter"},
		map[string]any{"id": "pages", "translation": map[string]any{"one": "eine", "other": "viele"}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	tr := New(map[string]Table{"de": tb}, nil, Options{Lang: "de"})
	if got, _ := tr.Translate("pages", 1); got != "eine" {
		t.Errorf("list form: pages 1 = %q, want eine", got)
	}
}

func TestFormatDate(t *testing.T) {
	t.Parallel()
	de := mustParse(t, "de.toml", map[string]any{"dateFormat": "2. January 2006",
		"months":   "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
		"weekdays": "Sonntag Montag Dienstag Mittwoch Donnerstag Freitag Samstag"})
	bad := mustParse(t, "xx.toml", map[string]any{"months": "eins zwei"})
	tm := time.Date(2026, 3, 14, 9, 5, 0, 0, time.UTC)
	tests := []struct {
		name   string
		tables map[string]Table
		lang   string
		layout string
		want   string
	}{
		{"GermanLong", map[string]Table{"de": de}, "de", DateLong, "14. März 2026"},
		{"GermanEmptyLayout", map[string]Table{"de": de}, "de", "", "14. März 2026"},
		{"GermanWeekdayAndTime", map[string]Table{"de": de}, "de", "Monday, 2. January 2006 15:04", "Samstag, 14. März 2026 09:05"},
		{"NoTableIsGo", nil, "de", DateLong, "March 14, 2026"},
		{"WrongCountOfNamesIsGo", map[string]Table{"xx": bad}, "xx", "January", "March"},
	}
	for _, tt := range tests {
		if got := New(tt.tables, nil, Options{Lang: tt.lang}).FormatDate(tt.layout, tm); got != tt.want {
			t.Errorf("%s: FormatDate(%q) = %q, want %q", tt.name, tt.layout, got, tt.want)
		}
	}
}

func TestFormsAndKey(t *testing.T) {
	t.Parallel()
	en := mustParse(t, "en.toml", map[string]any{"pages": map[string]any{"one": "{{ .Count }} page", "other": "{{ .Count }} pages"}})
	tr := New(nil, map[string]Table{"en": en}, Options{Lang: "en"})
	got, err := tr.Forms("pages", map[string]any{"Count": "{n}"})
	if err != nil || got["one"] != "{n} page" || got["other"] != "{n} pages" || len(got) != 2 {
		t.Errorf("Forms = %v, %v", got, err)
	}
	if got, _ := tr.Forms("nope", nil); len(got) != 0 {
		t.Errorf("Forms of a missing key = %v, want none", got)
	}
	en2 := mustParse(t, "en.toml", map[string]any{"pages": map[string]any{"one": "{{ .Count }} page", "other": "{{ .Count }} Pages"}})
	same := New(nil, map[string]Table{"en": en}, Options{Lang: "en"})
	if tr.Key() != same.Key() {
		t.Error("Key differs for the same tables")
	}
	for name, o := range map[string]*Translator{
		"text":         New(nil, map[string]Table{"en": en2}, Options{Lang: "en"}),
		"language":     New(nil, map[string]Table{"en": en}, Options{Lang: "de"}),
		"placeholders": New(nil, map[string]Table{"en": en}, Options{Lang: "en", Placeholders: true}),
	} {
		if o.Key() == tr.Key() {
			t.Errorf("Key does not change with the %s", name)
		}
	}
}
