package layout

import (
	"encoding/json"
	"errors"
	"io/fs"
	"path"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/i18n"
)

// Translator reads the site's translation tables in fsys, the site root
// (i18n/LANG.toml, .yaml, .yml, .json), and returns the translator of
// cfg's language over them and the theme's (ThemeTranslations). Every
// broken file is reported, at the line of the broken key; the translator
// is made of the rest.
func Translator(fsys fs.FS, cfg config.Config) (*i18n.Translator, error) {
	theme, err := ThemeTranslations()
	errs := []error{err}
	site := map[string]i18n.Table{}
	entries, err := fs.ReadDir(fsys, config.I18nDir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		errs = append(errs, err)
	}
	for _, e := range entries {
		name := e.Name()
		f, ok := config.FormatOf(name)
		if !ok || e.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		file := path.Join(config.I18nDir, name)
		b, err := fs.ReadFile(fsys, file)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		var tb i18n.Table
		if list, ok := idList(b, f); ok {
			tb, err = i18n.Parse(file, list, nil) // go-i18n's first format: a list of ids
		} else if t, perr := config.ParseTable(file, b, f); perr != nil {
			errs = append(errs, perr)
			continue
		} else {
			tb, err = i18n.Parse(file, t.Map, t.Pos)
		}
		errs = append(errs, err)
		site[i18n.Tag(strings.TrimSuffix(name, path.Ext(name)))] = tb
	}
	return i18n.New(site, theme, i18n.Options{Lang: cfg.LanguageCode, Default: cfg.DefaultContentLanguage,
		Placeholders: cfg.MissingTranslationPlaceholders}), errors.Join(errs...)
}

// idList decodes a YAML or JSON file whose top level is a list, as
// go-i18n's first format is ([{id: next, translation: Next}]); false for
// anything else, which is read as a table.
func idList(b []byte, f config.Format) ([]any, bool) {
	var list []any
	switch f {
	case config.JSON:
		if json.Unmarshal(b, &list) != nil {
			return nil, false
		}
	case config.YAML:
		if yaml.Unmarshal(b, &list) != nil {
			return nil, false
		}
	default:
		return nil, false
	}
	for i, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			return nil, false
		}
		list[i] = m
	}
	return list, true
}
