package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/pos"
)

// field is one top-level front matter key, in the order written, with
// positions in file coordinates (1-based; a position the decoder could not
// tell is the front matter's first line).
type field struct {
	Key     string // as written
	Value   any    // decoded and normalised (see normalize)
	KeyLine int
	KeyCol  int
	ValLine int
	ValCol  int
}

// decodeFields decodes fm.Raw according to fm.Format into its top-level
// fields. An error is a *diag.Diagnostic in file coordinates.
//
// The parsers are third-party code fed arbitrary user bytes; should one of
// them panic on some input, that becomes an error for this page rather
// than a crash of the whole build.
func decodeFields(file string, fm FrontMatter) (fields []field, err error) {
	defer func() {
		if r := recover(); r != nil {
			fields, err = nil, diag.Errorf(file, fm.RawLine, 1, "cannot read %s front matter: the parser failed (%s)", fm.Format, shortenTo(fmt.Sprint(r), maxMessage)).
				WithHint("simplify the front matter; this is a bug worth reporting")
		}
	}()
	switch fm.Format {
	case FormatYAML:
		return decodeYAML(file, fm)
	case FormatTOML:
		return decodeTOML(file, fm)
	case FormatJSON:
		return decodeJSON(file, fm)
	}
	return nil, nil
}

func decodeYAML(file string, fm FrontMatter) ([]field, error) {
	f, err := parser.ParseBytes(fm.Raw, 0)
	if err != nil {
		return nil, yamlError(file, fm, err)
	}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return nil, nil
	}
	body := f.Docs[0].Body
	var values []*ast.MappingValueNode
	switch n := body.(type) {
	case *ast.MappingNode:
		values = n.Values
	case *ast.MappingValueNode:
		values = []*ast.MappingValueNode{n}
	default:
		line, col := yamlPos(fm, body.GetToken())
		return nil, diag.Errorf(file, line, col, "front matter must be a map of keys to values").
			WithHint("write one key per line, like title: My page")
	}
	if yamlSize(body, make(map[string]int)) > maxYAMLNodes {
		return nil, diag.Errorf(file, fm.RawLine, 1, "YAML front matter expands to more than %d values", maxYAMLNodes).
			WithHint("use fewer aliases (*name) in the front matter")
	}
	var m map[string]any
	if err := yaml.NodeToValue(body, &m); err != nil {
		return nil, yamlError(file, fm, err)
	}
	var out []field
	seen := make(map[string]bool)
	for _, mv := range values {
		if mv == nil || mv.Key == nil || mv.Key.GetToken() == nil {
			continue
		}
		key := mv.Key.GetToken().Value
		v, ok := m[key]
		if !ok || seen[key] {
			continue // a merge key (<<) or a key spelled in a form we cannot match
		}
		seen[key] = true
		f := field{Key: key, Value: normalize(v)}
		f.KeyLine, f.KeyCol = yamlPos(fm, mv.Key.GetToken())
		f.ValLine, f.ValCol = f.KeyLine, f.KeyCol
		if tk := valueToken(mv.Value); tk != nil {
			f.ValLine, f.ValCol = yamlPos(fm, tk)
		}
		out = append(out, f)
	}
	// Keys that came from merges (<<: *base) have no place of their own.
	var rest []string
	for k := range m {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	for _, k := range rest {
		out = append(out, field{Key: k, Value: normalize(m[k]), KeyLine: fm.RawLine, KeyCol: 1, ValLine: fm.RawLine, ValCol: 1})
	}
	return out, nil
}

// valueToken is the token where a value starts. A block map's own token
// is its first ':', so it is placed at its first key instead.
func valueToken(n ast.Node) *token.Token {
	switch v := n.(type) {
	case nil:
		return nil
	case *ast.MappingNode:
		if len(v.Values) > 0 && v.Values[0] != nil && v.Values[0].Key != nil && !v.IsFlowStyle {
			return v.Values[0].Key.GetToken()
		}
	case *ast.MappingValueNode:
		if v.Key != nil {
			return v.Key.GetToken()
		}
	}
	return n.GetToken()
}

// yamlPos converts a token's position in fm.Raw to file coordinates.
func yamlPos(fm FrontMatter, tk *token.Token) (int, int) {
	if tk == nil || tk.Position == nil || tk.Position.Line < 1 {
		return fm.RawLine, 1
	}
	col := tk.Position.Column
	if col < 1 {
		col = 1
	}
	return fm.RawLine + tk.Position.Line - 1, col
}

// yamlError turns a go-yaml error into a diagnostic at its place in the file.
func yamlError(file string, fm FrontMatter, err error) error {
	var ye yaml.Error
	if !errors.As(err, &ye) {
		return diag.Errorf(file, fm.RawLine, 1, "invalid YAML front matter: %s", shortenTo(err.Error(), maxMessage))
	}
	line, col := yamlPos(fm, ye.GetToken())
	msg := shortenTo(ye.GetMessage(), maxMessage)
	tab := strings.Contains(msg, "'\t'")
	msg = strings.ReplaceAll(msg, "'\t'", "tab")
	d := diag.Errorf(file, line, col, "invalid YAML front matter: %s", msg)
	if tab {
		d.WithHint("indent YAML with spaces; tabs are not allowed")
	}
	return d
}

func decodeTOML(file string, fm FrontMatter) ([]field, error) {
	var m map[string]any
	md, err := toml.Decode(string(fm.Raw), &m)
	if err != nil {
		var pe toml.ParseError
		if !errors.As(err, &pe) {
			return nil, diag.Errorf(file, fm.RawLine, 1, "invalid TOML front matter: %s", shortenTo(err.Error(), maxMessage))
		}
		line, col := pe.Position.Line, 1
		if pe.Position.Start > 0 && pe.Position.Start <= len(fm.Raw) {
			if l, c := pos.New(fm.Raw).Position(pe.Position.Start); l == line {
				col = c
			}
		}
		if line < 1 {
			line = 1
		}
		return nil, diag.Errorf(file, fm.RawLine+line-1, col, "invalid TOML front matter: %s", shortenTo(pe.Message, maxMessage))
	}
	at := tomlKeyPositions(fm.Raw, fm.RawLine)
	var out []field
	seen := make(map[string]bool)
	add := func(k string) {
		v, ok := m[k]
		if !ok || seen[k] {
			return
		}
		seen[k] = true
		f := field{Key: k, Value: normalize(v), KeyLine: fm.RawLine, KeyCol: 1, ValLine: fm.RawLine, ValCol: 1}
		if p, ok := at[k]; ok {
			f.KeyLine, f.KeyCol = p[0], p[1]
			f.ValLine, f.ValCol = p[0], p[2]
		}
		out = append(out, f)
	}
	for _, k := range md.Keys() {
		if len(k) > 0 {
			add(k[0])
		}
	}
	var rest []string
	for k := range m {
		rest = append(rest, k)
	}
	sort.Strings(rest)
	for _, k := range rest {
		add(k)
	}
	return out, nil
}

// tomlKeyPositions finds where each top-level key of a TOML document is
// written: key -> {line, key column, value column}, for raw starting on
// line first of its file. BurntSushi/toml does not export key positions,
// so this reads lines of the form `key = value`, `key.sub = value` and
// `[key]`, which is what front matter uses; a key it misses is placed at
// the start of the front matter.
func tomlKeyPositions(raw []byte, first int) map[string][3]int {
	at := make(map[string][3]int)
	lines := pos.NewAt(raw, first)
	str := string(raw)
	inTable := false
	for n := first; n < first+lines.Len(); n++ {
		start := lines.Start(n)
		line := str[start:lines.End(n)]
		trimmed := strings.TrimLeft(line, " \t")
		keyOff := start + len(line) - len(trimmed)
		_, keyCol := lines.Position(keyOff)
		if strings.HasPrefix(trimmed, "[") {
			inTable = true
			name := strings.TrimLeft(trimmed, "[")
			if j := strings.IndexAny(name, ".]"); j > 0 {
				key := tomlUnquote(strings.TrimSpace(name[:j]))
				if _, ok := at[key]; !ok {
					at[key] = [3]int{n, keyCol, keyCol}
				}
			}
			continue
		}
		if inTable || trimmed == "" || trimmed[0] == '#' {
			continue
		}
		j := strings.IndexAny(trimmed, "=.")
		if j <= 0 {
			continue
		}
		key := tomlUnquote(strings.TrimSpace(trimmed[:j]))
		if _, ok := at[key]; ok {
			continue
		}
		valCol := keyCol
		if eq := strings.IndexByte(trimmed, '='); eq >= 0 {
			after := trimmed[eq+1:]
			_, valCol = lines.Position(keyOff + eq + 1 + len(after) - len(strings.TrimLeft(after, " \t")))
		}
		at[key] = [3]int{n, keyCol, valCol}
	}
	return at
}

func tomlUnquote(k string) string {
	if len(k) >= 2 && (k[0] == '"' || k[0] == '\'') && k[len(k)-1] == k[0] {
		if k[0] == '"' {
			if u, err := strconv.Unquote(k); err == nil {
				return u
			}
		}
		return k[1 : len(k)-1]
	}
	return k
}

func decodeJSON(file string, fm FrontMatter) ([]field, error) {
	raw := fm.Raw
	lines := pos.NewAt(raw, fm.RawLine)
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	fail := func(err error) error {
		// The streaming decoder's offsets are not always from the start of
		// raw; decoding the whole object again gives an exact one.
		off := int(dec.InputOffset())
		var whole any
		if uerr := json.Unmarshal(raw, &whole); uerr != nil {
			err = uerr
		}
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off = int(se.Offset) - 1
		}
		line, col := lines.Position(off)
		msg := shortenTo(strings.TrimPrefix(err.Error(), "json: "), maxMessage)
		return diag.Errorf(file, line, col, "invalid JSON front matter: %s", msg)
	}
	if _, err := dec.Token(); err != nil {
		return nil, fail(err)
	}
	var out []field
	index := make(map[string]int)
	for dec.More() {
		kOff := skipJSONSpace(raw, int(dec.InputOffset()), ",")
		tok, err := dec.Token()
		if err != nil {
			return nil, fail(err)
		}
		key, ok := tok.(string)
		if !ok {
			return nil, fail(fmt.Errorf("object key must be a string"))
		}
		vOff := skipJSONSpace(raw, int(dec.InputOffset()), ":")
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, fail(err)
		}
		f := field{Key: key, Value: normalize(v)}
		f.KeyLine, f.KeyCol = lines.Position(kOff)
		f.ValLine, f.ValCol = lines.Position(vOff)
		if i, dup := index[key]; dup {
			out[i] = f // a repeated key: the last one wins, as in encoding/json
			continue
		}
		index[key] = len(out)
		out = append(out, f)
	}
	if _, err := dec.Token(); err != nil {
		return nil, fail(err)
	}
	return out, nil
}

// skipJSONSpace returns the offset of the first byte at or after off that is
// neither JSON white space nor one of the separators in seps.
func skipJSONSpace(raw []byte, off int, seps string) int {
	for off < len(raw) && (strings.IndexByte(" \t\r\n", raw[off]) >= 0 || strings.IndexByte(seps, raw[off]) >= 0) {
		off++
	}
	return off
}

// normalize gives decoded values one shape whatever the format: integers
// become int64 (json.Number and uint64 too, where they fit), nested map keys
// are lowercased as Hugo does, and lists become []any.
func normalize(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i
		}
		if f, err := x.Float64(); err == nil {
			return f
		}
		return x.String()
	case int:
		return int64(x)
	case uint64:
		if x <= 1<<63-1 {
			return int64(x)
		}
		return x
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[strings.ToLower(k)] = normalize(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalize(e)
		}
		return out
	case []map[string]any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalize(e)
		}
		return out
	}
	return v
}
