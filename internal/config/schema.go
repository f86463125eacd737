package config

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/quire-docs/quire/internal/diag"
)

// kind is the TOML type a known key must have.
type kind int

const (
	kindString kind = iota
	kindBool
	kindInt
	kindTable  // a table of known keys (fields)
	kindParams // a table of anything, passed through untouched
	kindArray  // an array; apply checks its elements
	kindDirs   // a string or an array; apply checks its elements
)

func (k kind) String() string {
	return [...]string{"a string", "a boolean", "an integer", "a table", "a table", "an array", "a string or an array"}[k]
}

// accepts reports whether a value of v's type may be given for a key of
// kind k.
func (k kind) accepts(v any) bool {
	got := typeName(v)
	if k == kindDirs {
		return got == kindString.String() || got == kindArray.String()
	}
	return got == k.String()
}

// field is one known key; tables list their own known keys.
type field struct {
	name   string // canonical spelling, Hugo's where the concept is Hugo's
	kind   kind
	fields []field
}

// schema is every key config.toml may contain. Keys match case-insensitively,
// as in Hugo, so "baseurl" sets baseURL.
var schema = []field{
	{name: "baseURL", kind: kindString},
	{name: "title", kind: kindString},
	{name: "languageCode", kind: kindString},
	// languages.go
	{name: "defaultContentLanguage", kind: kindString},
	{name: "defaultContentLanguageInSubdir", kind: kindBool},
	{name: "enableMissingTranslationPlaceholders", kind: kindBool},
	{name: "contentDir", kind: kindString},
	{name: "layoutDir", kind: kindString},
	{name: "assetDir", kind: kindString},
	{name: "staticDir", kind: kindDirs},
	{name: "publishDir", kind: kindString},
	{name: "minify", kind: kindBool},
	// urls.go
	{name: "disablePathToLower", kind: kindBool},
	{name: "permalinks", kind: kindParams},
	{name: "timeout", kind: kindString},   // render.go
	{name: "maxPageBytes", kind: kindInt}, // render.go
	{name: "markup", kind: kindTable, fields: []field{
		{name: "tableOfContents", kind: kindTable, fields: []field{
			{name: "startLevel", kind: kindInt},
			{name: "endLevel", kind: kindInt},
			{name: "ordered", kind: kindBool},
		}},
		{name: "highlight", kind: kindTable, fields: []field{
			{name: "style", kind: kindString},
			{name: "darkStyle", kind: kindString},
		}},
		{name: "headings", kind: kindTable, fields: []field{
			{name: "normalize", kind: kindBool},
		}},
		{name: "goldmark", kind: kindTable, fields: []field{
			{name: "renderer", kind: kindTable, fields: []field{
				{name: "unsafe", kind: kindBool},
			}},
			{name: "parser", kind: kindTable, fields: []field{
				{name: "autoHeadingIDType", kind: kindString},
			}},
			{name: "extensions", kind: kindTable, fields: []field{
				{name: "passthrough", kind: kindTable, fields: []field{ // math.go
					{name: "enable", kind: kindBool},
					{name: "delimiters", kind: kindParams},
				}},
			}},
		}},
		{name: "mermaid", kind: kindTable, fields: []field{
			{name: "enable", kind: kindBool},
		}},
	}},
	{name: "params", kind: kindParams},
	{name: "linkcheck", kind: kindTable, fields: linkcheckFields},
	{name: "publish", kind: kindTable, fields: publishFields},
	{name: "limits", kind: kindTable, fields: limitsFields},
	{name: "security", kind: kindTable, fields: securityFields},
	{name: "enableInlineShortcodes", kind: kindBool}, // Hugo's older spelling of security.enableInlineShortcodes
	{name: "enableGitInfo", kind: kindBool},
	{name: "llms", kind: kindTable, fields: llmsFields},
}

// leaf is the value of a known key that has the right type, with the
// position of the key for later validation messages.
type leaf struct {
	value any
	pos   position
	path  []string // the key as written in the source, for positions of keys inside a kindParams table
}

// decoder checks a decoded TOML tree against the schema, collecting every
// problem rather than stopping at the first.
type decoder struct {
	pos    keyPositions
	leaves map[string]leaf // by canonical dotted path, e.g. "markup.highlight.style"
	diags  diag.List
	hugo   []hugoKey // Hugo-only keys, reported together by reportHugo
}

// walk checks table, found at the source keys path (canonical dotted prefix
// canon), against fields.
func (d *decoder) walk(table map[string]any, path []string, canon string, fields []field) {
	keys := make([]string, 0, len(table))
	for k := range table {
		keys = append(keys, k)
	}
	// Source order, so "set twice" points at the later key.
	sort.Slice(keys, func(i, j int) bool {
		pi, pj := d.pos.lookup(child(path, keys[i])), d.pos.lookup(child(path, keys[j]))
		if pi != pj {
			return pi.before(pj)
		}
		return keys[i] < keys[j]
	})
	seen := map[string]position{}
	for _, k := range keys {
		v := table[k]
		kpath := child(path, k)
		p := d.pos.lookup(kpath)
		f := findField(fields, k)
		if f == nil {
			d.unknown(kpath, p, canon, fields)
			continue
		}
		if v == nil {
			continue // YAML's null (key:) leaves the default
		}
		name := f.name
		if canon != "" {
			name = canon + "." + f.name
		}
		if prev, dup := seen[f.name]; dup {
			d.diags.Add(diag.Errorf(p.file, p.line, p.col, "%s: set twice (also on line %d)", name, prev.line).
				WithHint("keys are case-insensitive; keep one"))
			continue
		}
		seen[f.name] = p
		if !f.kind.accepts(v) {
			d.diags.Add(diag.Errorf(p.file, p.line, p.col, "%s: expected %s, got %s", name, f.kind, typeName(v)))
			continue
		}
		if f.kind == kindTable {
			d.walk(v.(map[string]any), kpath, name, f.fields)
			continue
		}
		d.leaves[name] = leaf{value: v, pos: p, path: kpath}
	}
}

// unknown warns about a key that is not in fields, suggesting the closest
// known key at the same level (or the same key at another level).
func (d *decoder) unknown(kpath []string, p position, canon string, fields []field) {
	if hugoOnly(strings.ToLower(strings.TrimPrefix(canon+"."+kpath[len(kpath)-1], "."))) {
		d.hugo = append(d.hugo, hugoKey{path: strings.Join(kpath, "."), pos: p})
		return
	}
	w := diag.Warnf(p.file, p.line, 0, "unknown key %q", strings.Join(kpath, "."))
	prefix := ""
	if canon != "" {
		prefix = canon + "."
	}
	k := kpath[len(kpath)-1]
	switch {
	case closest(fields, k) != "":
		w.WithHint("did you mean %q?", prefix+closest(fields, k))
	case elsewhere(schema, "", k) != "":
		w.WithHint("did you mean %q?", elsewhere(schema, "", k))
	case canon == "":
		w.WithHint("site-specific settings belong under [params]")
	}
	d.diags.Add(w)
}

// child returns a new slice path+k that shares no memory with path.
func child(path []string, k string) []string {
	return append(append(make([]string, 0, len(path)+1), path...), k)
}

func findField(fields []field, key string) *field {
	for i := range fields {
		if strings.EqualFold(fields[i].name, key) {
			return &fields[i]
		}
	}
	return nil
}

// closest returns the known key that key is probably a misspelling of, or "".
func closest(fields []field, key string) string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.name
	}
	return diag.Closest(key, names)
}

// elsewhere returns the full path of a known key named key at any depth, so
// "unsafe" at the top level suggests "markup.goldmark.renderer.unsafe".
func elsewhere(fields []field, prefix, key string) string {
	for _, f := range fields {
		if strings.EqualFold(f.name, key) {
			return prefix + f.name
		}
		if p := elsewhere(f.fields, prefix+f.name+".", key); p != "" {
			return p
		}
	}
	return ""
}

// typeName names the TOML type of a value decoded by BurntSushi/toml, in the
// words used by kind.String.
func typeName(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case map[string]any:
		return "a table"
	case []any, []map[string]any:
		return "an array"
	case time.Time:
		return "a date-time"
	case nil:
		return "null"
	}
	return fmt.Sprintf("a %T", v)
}
