package config

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/quire-docs/quire/internal/diag"
)

// Dir is Hugo's configuration directory, relative to the site root.
const Dir = "config"

// DefaultEnv is the environment whose directory under Dir every build
// reads; --environment adds the settings of another one on top.
const DefaultEnv = "_default"

// RootFiles returns the names of a site's configuration file at its root,
// in Hugo's order: LoadSite reads the first that exists.
func RootFiles() []string {
	var names []string
	for _, base := range []string{"hugo", "config"} {
		for _, ext := range []string{"toml", "yaml", "yml", "json"} {
			names = append(names, base+"."+ext)
		}
	}
	return names
}

// LoadSite reads a site's configuration as Hugo does, from the site root
// root, for the environment env ("production", "development", ...):
//
//  1. the first of RootFiles that exists;
//  2. then every file of config/_default/, in name order;
//  3. then every file of config/ENV/, in name order.
//
// Later sources are merged over earlier ones (tables key by key, other
// values replaced). In the directories, hugo.EXT and config.EXT are whole
// configurations, KEY.EXT holds the table KEY (params.toml is [params]),
// and KEY.LANG.EXT the table KEY of language LANG (menus.en.toml); files
// of other extensions are skipped. Diagnostics name each file relative to
// root, with slashes, and files lists the files read in that order.
//
// When none of these exists the error is "config.toml: no such file"
// with a hint, and errors.Is(err, fs.ErrNotExist) holds.
func LoadSite(root, env string) (cfg Config, files []string, warns []*diag.Diagnostic, err error) {
	if env == "" || env == "." || env == ".." || strings.ContainsAny(env, `/\`) {
		return Default(), nil, nil, diag.Errorf("", 0, 0, "environment %q is not a directory name", env).
			WithHint(`use a name such as "production" or "development"`)
	}
	var sources []string
	for _, name := range RootFiles() {
		if fi, err := os.Stat(filepath.Join(root, name)); err == nil && !fi.IsDir() {
			sources = append(sources, name)
			break
		}
	}
	subs := []string{DefaultEnv}
	if env != DefaultEnv {
		subs = append(subs, env)
	}
	for _, sub := range subs {
		names, err := dirFiles(filepath.Join(root, Dir, sub))
		if err != nil {
			return Default(), nil, nil, diag.Errorf(path.Join(Dir, sub), 0, 0, "cannot read: %v", unwrapPath(err))
		}
		for _, n := range names {
			sources = append(sources, path.Join(Dir, sub, n))
		}
	}
	if len(sources) == 0 {
		d := diag.Errorf("config.toml", 0, 0, "no such file").
			WithHint("run quire in the site's root directory, or create config.toml there (an empty file is valid); quire also reads hugo.toml, config.yaml and the other names Hugo reads, and config/_default/")
		return Default(), nil, nil, notExistError{d}
	}
	merged := tree{m: map[string]any{}, pos: keyPositions{}}
	var errs diag.List
	for i, name := range sources {
		t, err := readSource(root, name)
		if err != nil {
			errs.AddError(name, err)
			continue
		}
		if i == 0 {
			// The first file as it is, so that a key written twice in it
			// (in two spellings) is reported by the schema walk.
			merged = t
			continue
		}
		overlay(merged.m, merged.pos, nil, t.m, t.pos, nil)
	}
	if err := errs.Err(); err != nil {
		return Default(), sources, nil, err
	}
	cfg, warns, err = decodeTree(merged)
	cfg.Environment = env
	return cfg, sources, warns, err
}

// dirFiles lists the config files of dir, sorted; none if dir does not
// exist or is not a directory (a file named "config" is not Hugo's).
func dirFiles(dir string) ([]string, error) {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrPermission):
		return nil, err
	case err != nil || !fi.IsDir():
		return nil, nil // missing, or "config" is a file (ENOTDIR)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if _, ok := FormatOf(e.Name()); ok && !e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names, nil
}

// readSource reads and parses one file, name being its slash path from
// root; a file in the config directory is placed under the key its name
// gives.
func readSource(root, name string) (tree, error) {
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
	if err != nil {
		return tree{}, diag.Errorf(name, 0, 0, "cannot read: %v", unwrapPath(err))
	}
	f, _ := FormatOf(name)
	t, err := parseTree(name, data, f)
	if err != nil || !strings.HasPrefix(name, Dir+"/") {
		return t, err
	}
	keyPath, err := dirKeyPath(name)
	if err != nil || keyPath == nil {
		return t, err
	}
	wrapped := tree{m: map[string]any{}, pos: keyPositions{}}
	m := wrapped.m
	for i, k := range keyPath {
		wrapped.pos[joinPath(keyPath[:i+1])] = position{file: name}
		if i == len(keyPath)-1 {
			m[k] = t.m
			break
		}
		next := map[string]any{}
		m[k] = next
		m = next
	}
	wrapped.pos.copyFrom(t.pos, nil, keyPath)
	return wrapped, nil
}

// dirKeyPath returns where the settings of a file in the config directory
// go: nil for hugo.EXT and config.EXT (the whole configuration), [KEY] for
// KEY.EXT, [languages LANG KEY] for KEY.LANG.EXT.
func dirKeyPath(name string) ([]string, error) {
	base := path.Base(name)
	parts := strings.Split(strings.TrimSuffix(base, path.Ext(base)), ".")
	switch {
	case len(parts) == 1 && (strings.EqualFold(parts[0], "hugo") || strings.EqualFold(parts[0], "config")):
		return nil, nil
	case len(parts) == 1:
		return []string{parts[0]}, nil
	case len(parts) == 2 && parts[0] != "" && parts[1] != "":
		return []string{"languages", parts[1], parts[0]}, nil
	}
	return nil, diag.Errorf(name, 0, 0, "cannot tell which settings the file holds").
		WithHint("name it KEY%s for the table KEY, or KEY.LANG%s for a language's", path.Ext(base), path.Ext(base))
}
