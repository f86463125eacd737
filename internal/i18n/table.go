// Package i18n translates a site's strings: Hugo's translation tables
// (i18n/LANG.toml, .yaml, .json) and the T function's lookup, plural
// forms and fallbacks.
package i18n

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"text/template"

	"github.com/quire-docs/quire/internal/diag"
)

// pluralForms are Hugo's (CLDR's) plural categories, in the order hints
// name them.
var pluralForms = []string{"zero", "one", "two", "few", "many", "other"}

// Message is one translation: its text for each plural form it gives
// ("other" is the form of a translation that has no plural forms).
type Message struct {
	forms map[string]text
}

// text is a translation's text; tmpl is set when the text is a template
// ("{{ .Count }} pages").
type text struct {
	src  string
	tmpl *template.Template
}

// Table is one language's translations by key; keys are lower-cased, as
// Hugo's are, so T "Next" and T "next" find the same message.
type Table map[string]Message

// Pos gives the line and column where the key path was written in a
// table's file (0, 0 when unknown).
type Pos func(path ...string) (line, col int)

// Parse reads a decoded translation table of file, in any of Hugo's
// forms: key = "text"; a table of plural forms, [key] one = "…" other =
// "…"; or go-i18n's list of {id, translation}. Every error is returned,
// joined, as a *diag.Diagnostic at the key's position when pos knows it.
func Parse(file string, v any, pos Pos) (Table, error) {
	if pos == nil {
		pos = func(...string) (int, int) { return 0, 0 }
	}
	t := Table{}
	var errs []error
	fail := func(path []string, format string, args ...any) *diag.Diagnostic {
		line, col := pos(path...)
		d := diag.Errorf(file, line, col, format, args...)
		errs = append(errs, d)
		return d
	}
	add := func(key string, path []string, val any) {
		m, ok := message(path, val, fail)
		if !ok {
			return
		}
		lk := strings.ToLower(key)
		if _, dup := t[lk]; dup {
			fail(path, "translation %q is given twice (keys ignore case)", key)
			return
		}
		t[lk] = m
	}
	switch v := v.(type) {
	case map[string]any:
		for _, k := range sortedKeys(v) {
			add(k, []string{k}, v[k])
		}
	case []any: // go-i18n's first format: [{id: "next", translation: "Next"}]
		for i, e := range v {
			m, ok := e.(map[string]any)
			id, _ := m["id"].(string)
			if !ok || id == "" {
				fail(nil, "entry %d: want a table with an id and a translation", i+1)
				continue
			}
			add(id, []string{id}, m["translation"])
		}
	default:
		fail(nil, "want a table of translations, got %s", kindOf(v))
	}
	return t, errors.Join(errs...)
}

// message reads one key's value at path.
func message(path []string, v any, fail func([]string, string, ...any) *diag.Diagnostic) (Message, bool) {
	m := Message{forms: map[string]text{}}
	switch v := v.(type) {
	case string:
		tx, err := parseText(v)
		if err != nil {
			fail(path, "%s: %v", path[0], err)
			return m, false
		}
		m.forms["other"] = tx
		return m, true
	case map[string]any:
		ok := true
		for _, f := range sortedKeys(v) {
			fp := append(append([]string{}, path...), f)
			lf := strings.ToLower(f)
			switch {
			case lf == "description" || lf == "hash" || lf == "id":
				continue // go-i18n's notes for translators
			case lf == "translation":
				sub, good := message(path, v[f], fail)
				ok = ok && good
				for k, tx := range sub.forms {
					m.forms[k] = tx
				}
				continue
			case !isForm(lf):
				fail(fp, "%s.%s: %q is not a plural form", path[0], f, f).
					WithHint("use %s", strings.Join(pluralForms, ", "))
				ok = false
				continue
			}
			s, isStr := v[f].(string)
			if !isStr {
				fail(fp, "%s.%s: want a string, got %s", path[0], f, kindOf(v[f]))
				ok = false
				continue
			}
			tx, err := parseText(s)
			if err != nil {
				fail(fp, "%s.%s: %v", path[0], f, err)
				ok = false
				continue
			}
			m.forms[lf] = tx
		}
		if ok && len(m.forms) == 0 {
			fail(path, "%s: no translation (want other = \"…\")", path[0])
			return m, false
		}
		return m, ok
	}
	fail(path, "%s: want a string or a table of plural forms, got %s", path[0], kindOf(v))
	return m, false
}

// parseText parses s as a template when it has an action.
func parseText(s string) (text, error) {
	if !strings.Contains(s, "{{") {
		return text{src: s}, nil
	}
	t, err := template.New("").Option("missingkey=zero").Parse(s)
	if err != nil {
		// "template: :1: unclosed action": the name and line are the
		// translation's own, which the caller names better.
		msg := strings.TrimPrefix(err.Error(), "template: ")
		if _, rest, ok := strings.Cut(msg, ": "); ok && strings.HasPrefix(msg, ":") {
			msg = rest
		}
		return text{}, fmt.Errorf("bad template in translation: %s", msg)
	}
	return text{src: s, tmpl: t}, nil
}

func isForm(f string) bool {
	for _, x := range pluralForms {
		if f == x {
			return true
		}
	}
	return false
}

func sortedKeys(m map[string]any) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// kindOf names v's type as a config error does.
func kindOf(v any) string {
	switch v.(type) {
	case nil:
		return "nothing"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case int, int64, float64:
		return "a number"
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", v)
}
