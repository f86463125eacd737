package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/pos"
)

// maxYAMLValues bounds a YAML config once aliases are expanded, so that a
// few nested aliases cannot stand for billions of values.
const maxYAMLValues = 1_000_000

// decodeYAML decodes a YAML config with goccy/go-yaml, taking the key
// positions from its syntax tree. An empty document is an empty table;
// any other top level than a map is an error, and so is a key written
// twice in one map.
func decodeYAML(data []byte) (t tree, err error) {
	defer func() {
		// Third-party parser fed user bytes: never let it crash a build.
		if r := recover(); r != nil {
			t, err = tree{}, diag.Errorf("", 0, 0, "invalid YAML: the parser failed (%v)", r)
		}
	}()
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		return tree{}, yamlError(err)
	}
	t = tree{m: map[string]any{}, pos: keyPositions{}}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return t, nil
	}
	body := f.Docs[0].Body
	switch body.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
	default:
		line, col := tokenPos(body.GetToken())
		return tree{}, diag.Errorf("", line, col, "the configuration must be a map of keys to values").
			WithHint("write one key per line, such as title: My site")
	}
	if yamlSize(body, map[string]int{}) > maxYAMLValues {
		return tree{}, diag.Errorf("", 1, 1, "YAML expands to more than %d values", maxYAMLValues).
			WithHint("use fewer aliases (*name)")
	}
	yamlKeys(body, nil, t.pos)
	var m map[string]any
	if err := yaml.NodeToValue(body, &m); err != nil {
		return tree{}, yamlError(err)
	}
	t.m = normalizeTable(m)
	return t, nil
}

// yamlKeys records where each key under n is written. (The parser has
// already refused a key written twice in one map.)
func yamlKeys(n ast.Node, path []string, pos keyPositions) {
	switch v := n.(type) {
	case *ast.MappingNode:
		for _, mv := range v.Values {
			yamlPair(mv, path, pos)
		}
	case *ast.MappingValueNode:
		yamlPair(v, path, pos)
	case *ast.AnchorNode:
		yamlKeys(v.Value, path, pos)
	case *ast.TagNode:
		yamlKeys(v.Value, path, pos)
	}
}

func yamlPair(mv *ast.MappingValueNode, path []string, pos keyPositions) {
	if mv == nil || mv.Key == nil || mv.Key.GetToken() == nil {
		return
	}
	tk := mv.Key.GetToken()
	key := tk.Value
	if key == "<<" { // a merge key: its keys have no place of their own
		return
	}
	line, col := tokenPos(tk)
	kpath := child(path, key)
	if _, ok := pos[joinPath(kpath)]; !ok {
		pos[joinPath(kpath)] = position{line: line, col: col}
	}
	yamlKeys(mv.Value, kpath, pos)
}

// yamlSize counts the values n expands to, resolving aliases through the
// anchors seen so far, saturating just past maxYAMLValues.
func yamlSize(n ast.Node, anchors map[string]int) int {
	add := func(a, b int) int { return min(a+b, maxYAMLValues+1) }
	switch v := n.(type) {
	case nil:
		return 0
	case *ast.MappingNode:
		total := 1
		for _, mv := range v.Values {
			total = add(total, yamlSize(mv, anchors))
		}
		return total
	case *ast.MappingValueNode:
		return add(yamlSize(v.Key, anchors), yamlSize(v.Value, anchors))
	case *ast.SequenceNode:
		total := 1
		for _, e := range v.Values {
			total = add(total, yamlSize(e, anchors))
		}
		return total
	case *ast.AnchorNode:
		size := yamlSize(v.Value, anchors)
		if v.Name != nil && v.Name.GetToken() != nil {
			anchors[v.Name.GetToken().Value] = size
		}
		return size
	case *ast.AliasNode:
		if v.Value != nil && v.Value.GetToken() != nil {
			return max(anchors[v.Value.GetToken().Value], 1)
		}
		return 1
	case *ast.TagNode:
		return yamlSize(v.Value, anchors)
	}
	return 1
}

func tokenPos(tk *token.Token) (line, col int) {
	if tk == nil || tk.Position == nil {
		return 1, 1
	}
	return max(tk.Position.Line, 1), max(tk.Position.Column, 1)
}

// yamlError turns a go-yaml error into a positioned diagnostic.
func yamlError(err error) error {
	var ye yaml.Error
	if !errors.As(err, &ye) {
		return diag.Errorf("", 0, 0, "invalid YAML: %v", err)
	}
	line, col := tokenPos(ye.GetToken())
	msg := ye.GetMessage()
	tab := strings.Contains(msg, "'\t'")
	msg = strings.ReplaceAll(msg, "'\t'", "tab")
	d := diag.Errorf("", line, col, "invalid YAML: %s", msg)
	if tab {
		d.WithHint("indent YAML with spaces; tabs are not allowed")
	}
	return d
}

// decodeJSON decodes a JSON config with encoding/json (numbers without a
// fraction or exponent become integers) and takes key positions from
// goccy/go-yaml, which reads JSON as YAML; where it cannot, keys have no
// position and diagnostics fall back to the file.
func decodeJSON(data []byte) (tree, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			line, col := pos.New(data).BytePosition(int(se.Offset) - 1)
			return tree{}, diag.Errorf("", line, col, "invalid JSON: %s", se.Error())
		case errors.As(err, &te):
			return tree{}, diag.Errorf("", 1, 1, "the configuration must be an object of keys to values")
		}
		return tree{}, diag.Errorf("", 0, 0, "invalid JSON: %v", err)
	}
	pos := keyPositions{}
	if t, err := decodeYAML(data); err == nil {
		pos = t.pos
	}
	return tree{m: normalizeTable(m), pos: pos}, nil
}

// normalizeTable gives the values of m the types BurntSushi/toml decodes
// to, which the schema checks: int64 for every integer, []any for every
// array, map[string]any for every table. Keys keep their spelling.
func normalizeTable(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = normalizeValue(v)
	}
	return out
}

func normalizeValue(v any) any {
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
	case uint:
		if uint64(x) <= 1<<63-1 {
			return int64(x)
		}
		return float64(x)
	case uint64:
		if x <= 1<<63-1 {
			return int64(x)
		}
		return float64(x)
	case float32:
		return float64(x)
	case map[string]any:
		return normalizeTable(x)
	case map[any]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[fmt.Sprint(k)] = normalizeValue(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalizeValue(e)
		}
		return out
	case []map[string]any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalizeTable(e)
		}
		return out
	}
	return v
}
