package i18n

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// Options choose a Translator's languages.
type Options struct {
	// Lang is the site's languageCode ("de-DE"): its table is tried
	// first ("de-de"), then that of its language alone ("de").
	Lang string
	// Default is Hugo's defaultContentLanguage, tried next; "" for none.
	// English comes last in any case.
	Default string
	// Placeholders makes a missing key "[i18n] key" rather than "", as
	// Hugo's enableMissingTranslationPlaceholders does.
	Placeholders bool
}

// Translator looks translations up for one site: for each of its
// languages in turn, the site's table and then the theme's.
type Translator struct {
	lang         string // the first language tried: its tag is <html lang>'s
	chain        []entry
	placeholders bool
	key          string // see Key
}

// entry is one table of the chain and its language, whose plural rules
// its messages follow.
type entry struct {
	lang  string
	table Table
}

// New returns the Translator of o's languages over the tables of the site
// and of the theme, each keyed by its language's Tag ("de", "pt-br").
// Either may be nil.
func New(site, theme map[string]Table, o Options) *Translator {
	t := &Translator{placeholders: o.Placeholders}
	seen := map[string]bool{}
	for _, l := range append(append(candidates(o.Lang), candidates(o.Default)...), "en") {
		if seen[l] {
			continue
		}
		seen[l] = true
		if t.lang == "" {
			t.lang = l
		}
		for _, tables := range []map[string]Table{site, theme} {
			if tb, ok := tables[l]; ok {
				t.chain = append(t.chain, entry{lang: l, table: tb})
			}
		}
	}
	t.key = t.digest()
	return t
}

// Tag returns the key of a language's table in New's maps: the tag (or
// file name, "pt_BR") lower-cased, with "-" between its subtags.
func Tag(s string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), "_", "-"))
}

// candidates returns the tables to try for tag: "de-DE" gives "de-de"
// then "de"; "" gives none.
func candidates(tag string) []string {
	tag = Tag(tag)
	if tag == "" {
		return nil
	}
	out := []string{tag}
	for i := strings.LastIndex(tag, "-"); i > 0; i = strings.LastIndex(tag, "-") {
		tag = tag[:i]
		out = append(out, tag)
	}
	return out
}

// Lang returns the lower-case tag of the first language tried.
func (t *Translator) Lang() string { return t.lang }

// Translate is Hugo's T (lang.Translate): the translation of key, whose
// text, when it is a template, runs with ctx. A number as ctx is the
// count that picks the plural form, and is .Count in the text; otherwise
// the count is ctx's Count (a map key, field or method), if any. A key
// no table has gives "" (or "[i18n] key" with placeholders).
func (t *Translator) Translate(key string, ctx ...any) (string, error) {
	if len(ctx) > 1 {
		return "", fmt.Errorf("lang.Translate %q: want at most one context argument, got %d", key, len(ctx))
	}
	lk := strings.ToLower(key)
	for _, e := range t.chain {
		m, ok := e.table[lk]
		if !ok {
			continue
		}
		var data any
		if len(ctx) == 1 {
			data = ctx[0]
		}
		form := "other"
		if n, ok := countOf(data); ok {
			form = pluralForm(e.lang, n)
			if isNumber(data) {
				data = numCount(n)
			}
		}
		tx, ok := m.forms[form]
		if !ok {
			tx = m.fallback()
		}
		s, err := tx.run(data)
		if err != nil {
			return "", fmt.Errorf("lang.Translate %q: %w", key, err)
		}
		return s, nil
	}
	if t.placeholders {
		return "[i18n] " + key, nil
	}
	return "", nil
}

// Has reports whether some table translates key.
func (t *Translator) Has(key string) bool {
	lk := strings.ToLower(key)
	for _, e := range t.chain {
		if _, ok := e.table[lk]; ok {
			return true
		}
	}
	return false
}

// fallback is the text of a message that lacks the form asked for: its
// "other", else its first form.
func (m Message) fallback() text {
	if tx, ok := m.forms["other"]; ok {
		return tx
	}
	for _, f := range pluralForms {
		if tx, ok := m.forms[f]; ok {
			return tx
		}
	}
	return text{}
}

// numCount is a number given as T's context: it prints as itself and is
// its own .Count, as in Hugo.
type numCount float64

// Count returns c, for {{ .Count }} in a translation.
func (c numCount) Count() numCount { return c }

// String prints c as the number it is: 3, 1.5.
func (c numCount) String() string { return strconv.FormatFloat(float64(c), 'f', -1, 64) }

// isNumber reports whether v is a number or a string holding one.
func isNumber(v any) bool {
	switch reflect.ValueOf(v).Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return true
	case reflect.String:
		_, err := strconv.ParseFloat(reflect.ValueOf(v).String(), 64)
		return err == nil
	}
	return false
}

// countOf returns the count v gives: v itself when a number (or a
// string holding one), else its Count or count (map key, field or
// method without arguments).
func countOf(v any) (float64, bool) {
	if v == nil {
		return 0, false
	}
	if n, ok := number(reflect.ValueOf(v)); ok {
		return n, true
	}
	rv := reflect.ValueOf(v)
	for _, name := range []string{"Count", "count"} {
		if m := rv.MethodByName(name); m.IsValid() && m.Type().NumIn() == 0 && m.Type().NumOut() >= 1 {
			return number(m.Call(nil)[0])
		}
	}
	for rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Interface {
		if rv.IsNil() {
			return 0, false
		}
		rv = rv.Elem()
	}
	switch rv.Kind() {
	case reflect.Map:
		if rv.Type().Key().Kind() != reflect.String {
			return 0, false
		}
		for _, name := range []string{"Count", "count"} {
			if e := rv.MapIndex(reflect.ValueOf(name).Convert(rv.Type().Key())); e.IsValid() {
				return number(e)
			}
		}
	case reflect.Struct:
		for _, name := range []string{"Count", "count"} {
			if f, ok := rv.Type().FieldByName(name); ok && f.IsExported() {
				return number(rv.FieldByIndex(f.Index))
			}
		}
	}
	return 0, false
}

// number converts a numeric value, or a string holding a number, to a
// float64.
func number(v reflect.Value) (float64, bool) {
	for v.IsValid() && (v.Kind() == reflect.Interface || v.Kind() == reflect.Pointer) {
		if v.IsNil() {
			return 0, false
		}
		v = v.Elem()
	}
	if !v.IsValid() {
		return 0, false
	}
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return float64(v.Int()), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return float64(v.Uint()), true
	case reflect.Float32, reflect.Float64:
		return v.Float(), true
	case reflect.String:
		f, err := strconv.ParseFloat(strings.TrimSpace(v.String()), 64)
		return f, err == nil
	}
	return 0, false
}

// Forms returns every plural form of key's translation (from the first
// table that has it), each run with data; an empty map when no table
// has key.
func (t *Translator) Forms(key string, data any) (map[string]string, error) {
	out := map[string]string{}
	lk := strings.ToLower(key)
	for _, e := range t.chain {
		m, ok := e.table[lk]
		if !ok {
			continue
		}
		for f, tx := range m.forms {
			s, err := tx.run(data)
			if err != nil {
				return nil, fmt.Errorf("lang.Translate %q: %w", key, err)
			}
			out[f] = s
		}
		break
	}
	return out, nil
}

// run returns the text, run with data when it is a template.
func (tx text) run(data any) (string, error) {
	if tx.tmpl == nil {
		return tx.src, nil
	}
	var b strings.Builder
	if err := tx.tmpl.Execute(&b, data); err != nil {
		return "", err
	}
	return b.String(), nil
}
