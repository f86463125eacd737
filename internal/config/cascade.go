package config

import "github.com/quire-docs/quire/internal/diag"

// Cascade is the site's cascade ([cascade] or [[cascade]], as in Hugo):
// front matter values for the pages its targets match, which reach every
// page after the cascades of its own front matter and of its sections.
// The configuration only checks that it is a table or an array of tables;
// the content stage reads the rest (content.SiteCascade has these fields,
// so one converts to the other).
type Cascade struct {
	Value     any // a table or an array of tables, as decoded; nil when unset
	File      string
	Line, Col int // where the key is written
}

// cascade takes the cascade out of t before the schema walk, which knows
// no key of Hugo's front matter.
func (d *decoder) cascade(t tree) Cascade {
	k, ok := findKey(t.m, "cascade")
	if !ok {
		return Cascade{}
	}
	v := t.m[k]
	delete(t.m, k)
	p := d.pos.lookup([]string{k})
	switch v.(type) {
	case nil:
		return Cascade{}
	case map[string]any, []map[string]any, []any:
		return Cascade{Value: v, File: p.file, Line: p.line, Col: p.col}
	}
	d.diags.Add(diag.Errorf(p.file, p.line, p.col, "cascade: expected a table or an array of tables, got %s", typeName(v)).
		WithHint("write [cascade.params] color = 'red', or [[cascade]] tables with a [cascade.target] each"))
	return Cascade{}
}
