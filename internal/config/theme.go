package config

import (
	"strings"

	"github.com/quire-docs/quire/internal/diag"
)

// theme reads Hugo's theme setting (a name, or a list of names) and the
// paths of [module] imports, the two ways a Hugo site names its theme,
// in that order. quire has no themes to load: the names choose which
// theme's built-in shortcodes answer where two themes use one name (see
// Config.Theme). theme is removed from t, so it is not reported as a
// setting quire does not use; module stays, as quire reads only this of it.
func (d *decoder) theme(t tree) []string {
	var names []string
	if k, ok := findKey(t.m, "theme"); ok {
		switch v := t.m[k].(type) {
		case string:
			names = append(names, v)
		case []any:
			for _, e := range v {
				if s, ok := e.(string); ok {
					names = append(names, s)
				}
			}
		case nil:
		default:
			p := d.pos.lookup([]string{k})
			d.diags.Add(diag.Errorf(p.file, p.line, p.col, "theme: expected a string or a list of strings, got %s", typeName(v)))
		}
		delete(t.m, k)
		t.pos.drop([]string{k})
	}
	if k, ok := findKey(t.m, "module"); ok {
		if m, ok := t.m[k].(map[string]any); ok {
			if ik, ok := findKey(m, "imports"); ok {
				var imports []map[string]any
				switch v := m[ik].(type) {
				case []map[string]any: // TOML's [[module.imports]]
					imports = v
				case []any:
					for _, e := range v {
						if im, ok := e.(map[string]any); ok {
							imports = append(imports, im)
						}
					}
				}
				for _, im := range imports {
					if pk, ok := findKey(im, "path"); ok {
						if s, ok := im[pk].(string); ok {
							names = append(names, s)
						}
					}
				}
			}
		}
	}
	out := names[:0]
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}
