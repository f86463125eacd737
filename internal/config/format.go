package config

import (
	"path"
	"strings"

	"github.com/quire-docs/quire/internal/diag"
)

// Format is the syntax of a configuration file.
type Format int

const (
	TOML Format = iota
	YAML
	JSON
)

// FormatOf returns the format of a file named name by its extension
// (.toml, .yaml, .yml, .json), and false for any other name.
func FormatOf(name string) (Format, bool) {
	switch strings.ToLower(path.Ext(name)) {
	case ".toml":
		return TOML, true
	case ".yaml", ".yml":
		return YAML, true
	case ".json":
		return JSON, true
	}
	return 0, false
}

// tree is a decoded configuration: a table of keys with, for every key
// path, the place it was written.
type tree struct {
	m   map[string]any
	pos keyPositions
}

// parseTree decodes data in format f into a tree whose positions name
// file. Values have TOML's types (string, bool, int64, float64,
// time.Time, map[string]any, []any), whatever the format; YAML's null is
// nil. An error is a positioned *diag.Diagnostic naming file.
func parseTree(file string, data []byte, f Format) (tree, error) {
	var t tree
	var err error
	switch f {
	case YAML:
		t, err = decodeYAML(data)
	case JSON:
		t, err = decodeJSON(data)
	default:
		var m map[string]any
		if m, err = decodeTOML(data); err == nil {
			t = tree{m: m, pos: scanKeys(string(data))}
		}
	}
	if err != nil {
		var l diag.List
		l.AddError(file, err)
		for _, d := range l {
			d.File = file
		}
		return tree{}, l.Err()
	}
	if t.m == nil {
		t.m = map[string]any{}
	}
	t.pos.inFile(file)
	return t, nil
}
