package layout

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/quire-docs/quire/internal/funcs"
	"github.com/quire-docs/quire/internal/i18n"
)

// ThemeTranslations returns the theme's translation tables
// (theme/i18n/LANG.toml) by lower-case language tag: every theme string
// in each language the theme speaks. A site's i18n/ files go over them.
func ThemeTranslations() (map[string]i18n.Table, error) {
	entries, err := fs.ReadDir(theme, "theme/i18n")
	if err != nil {
		return nil, err
	}
	out := map[string]i18n.Table{}
	var errs []error
	for _, e := range entries {
		name := e.Name()
		if path.Ext(name) != ".toml" {
			continue
		}
		file := "theme/i18n/" + name
		b, err := fs.ReadFile(theme, file)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		var m map[string]any
		if _, err := toml.Decode(string(b), &m); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", file, err))
			continue
		}
		t, err := i18n.Parse(file, m, nil)
		errs = append(errs, err)
		out[i18n.Tag(strings.TrimSuffix(name, ".toml"))] = t
	}
	return out, errors.Join(errs...)
}

// english returns the translator of a Site that has none (a Site made
// by hand, not by a build): the theme's English.
func english() *i18n.Translator {
	theme, _ := ThemeTranslations() // embedded: TestThemeTranslations keeps them valid
	return i18n.New(nil, theme, i18n.Options{Lang: "en"})
}

// translator returns the translator of the site d renders, or the
// theme's English when it has none.
func (d *depth) translator() *i18n.Translator {
	if s := siteOf(d); s != nil && s.I18n != nil {
		return s.I18n
	}
	if d != nil && d.english != nil {
		return d.english()
	}
	return english()
}

// SiteTranslator returns a func giving the translator of the site that
// site returns, or the theme's English when it is nil or has none: for
// templates outside the layouts, such as shortcodes.
func SiteTranslator(site func() *Site) func() *i18n.Translator {
	en := sync.OnceValue(english)
	return func() *i18n.Translator {
		if s := site(); s != nil && s.I18n != nil {
			return s.I18n
		}
		return en()
	}
}

// Lang is Hugo's lang namespace: {{ lang.Translate "next" }}.
type Lang struct{ tr func() *i18n.Translator }

// Translate is T.
func (l Lang) Translate(key any, ctx ...any) (string, error) {
	return l.tr().Translate(toString(key), ctx...)
}

// TranslateFuncs returns T, its alias i18n, the lang namespace and a
// dateFormat whose month and weekday names are tr's language's, for
// templates whose translator tr returns.
func TranslateFuncs(tr func() *i18n.Translator) map[string]any {
	t := func(key any, ctx ...any) (string, error) { return tr().Translate(toString(key), ctx...) }
	return map[string]any{
		"T":    t,
		"i18n": t,
		"lang": func() Lang { return Lang{tr: tr} },
		// dateFormat is Hugo's, with names in the site's language, as
		// Hugo's are; ":date_long" is the language's "dateFormat".
		"dateFormat": func(layout string, v any) (string, error) {
			tm, err := funcs.Time{}.AsTime(v)
			if err != nil {
				return "", fmt.Errorf("dateFormat: %w", err)
			}
			if strings.HasPrefix(layout, ":") && layout != i18n.DateLong {
				return funcs.Time{}.Format(layout, tm)
			}
			return tr().FormatDate(layout, tm), nil
		},
		// i18nForms gives every plural form of key's translation, with
		// ctx as its data: the theme hands them to its script, which picks
		// a form for the numbers it shows (Intl.PluralRules).
		"i18nForms": func(key any, ctx ...any) (map[string]string, error) {
			var data any
			if len(ctx) > 0 {
				data = ctx[0]
			}
			return tr().Forms(toString(key), data)
		},
	}
}
