package funcs

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/goccy/go-yaml"
)

// LoadData reads the data files under dir of fsys (the site's data/) into
// the map templates see as .Site.Data: data/authors/jane.yaml is
// .Site.Data.authors.jane. YAML (.yaml, .yml), TOML, JSON and CSV (a list
// of rows) are read; other files are skipped. A file and a directory of the
// same name are merged when the file holds a map. A missing dir gives an
// empty map. Errors name the file (a decoding error is a *FileError, with
// the line and column); all of them are returned, joined.
func LoadData(fsys fs.FS, dir string) (map[string]any, error) {
	root := map[string]any{}
	if fsys == nil {
		return root, nil
	}
	if _, err := fs.Stat(fsys, dir); errors.Is(err, fs.ErrNotExist) {
		return root, nil
	}
	var errs []error
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", p, err))
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		ext := path.Ext(p)
		decode, ok := dataDecoders[strings.ToLower(ext)]
		if !ok {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", p, err))
			return nil
		}
		v, err := decode(b)
		if err != nil {
			errs = append(errs, fileError(p, b, err))
			return nil
		}
		rel := strings.TrimPrefix(strings.TrimSuffix(p, ext), dir+"/")
		if err := putData(root, strings.Split(rel, "/"), v); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", p, err))
		}
		return nil
	})
	if err != nil {
		errs = append(errs, err)
	}
	return root, errors.Join(errs...)
}

// putData sets v at the key path in m, making maps on the way and merging
// maps that meet.
func putData(m map[string]any, keys []string, v any) error {
	for i, k := range keys[:len(keys)-1] {
		next, ok := m[k].(map[string]any)
		if !ok {
			if _, taken := m[k]; taken {
				return fmt.Errorf("data key %q is a value of another file, not a map", strings.Join(keys[:i+1], "."))
			}
			next = map[string]any{}
			m[k] = next
		}
		m = next
	}
	k := keys[len(keys)-1]
	old, taken := m[k]
	if !taken {
		m[k] = v
		return nil
	}
	om, ok1 := old.(map[string]any)
	nm, ok2 := v.(map[string]any)
	if !ok1 || !ok2 {
		return fmt.Errorf("data key %q is set by another file too", strings.Join(keys, "."))
	}
	for nk, nv := range nm {
		if _, dup := om[nk]; dup {
			return fmt.Errorf("data key %q is set by another file too", strings.Join(append(keys, nk), "."))
		}
		om[nk] = nv
	}
	return nil
}

var dataDecoders = map[string]func([]byte) (any, error){
	".yaml": decodeYAML,
	".yml":  decodeYAML,
	".json": func(b []byte) (any, error) {
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			return nil, err
		}
		return v, nil
	},
	".toml": func(b []byte) (any, error) {
		m := map[string]any{}
		if _, err := toml.Decode(string(b), &m); err != nil {
			return nil, err
		}
		return m, nil
	},
	".csv": func(b []byte) (any, error) {
		r := csv.NewReader(strings.NewReader(string(b)))
		r.FieldsPerRecord = -1
		return r.ReadAll()
	},
}

// decodeYAML decodes YAML with string keys, as templates index them.
func decodeYAML(b []byte) (any, error) {
	var v any
	if err := yaml.UnmarshalWithOptions(b, &v, yaml.UseOrderedMap()); err != nil {
		return nil, err
	}
	return stringKeys(v), nil
}

// stringKeys turns decoded YAML maps into map[string]any.
func stringKeys(v any) any {
	switch t := v.(type) {
	case yaml.MapSlice:
		m := make(map[string]any, len(t))
		for _, it := range t {
			m[fmt.Sprint(it.Key)] = stringKeys(it.Value)
		}
		return m
	case map[string]any:
		for k, e := range t {
			t[k] = stringKeys(e)
		}
		return t
	case map[any]any:
		m := make(map[string]any, len(t))
		for k, e := range t {
			m[fmt.Sprint(k)] = stringKeys(e)
		}
		return m
	case []any:
		for i, e := range t {
			t[i] = stringKeys(e)
		}
		return t
	}
	return v
}
