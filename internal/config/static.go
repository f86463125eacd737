package config

import (
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// setStaticDirs reads Hugo's staticDir: one directory, or a list of them
// whose files are merged at the output root (the first listed wins a
// path they share). An empty list publishes no static files.
func (d *decoder) setStaticDirs(dst *[]string) {
	const name = "staticDir"
	l, ok := d.leaves[name]
	if !ok {
		return
	}
	var vals []any
	switch v := l.value.(type) {
	case string:
		vals = []any{v}
	case []any:
		vals = v
	default:
		vals = []any{v} // an array of tables
	}
	dirs := []string{}
	for _, v := range vals {
		s, ok := v.(string)
		if !ok || strings.TrimSpace(s) == "" {
			d.addAt(l, &problem{fmt.Sprintf("%s: %v is not a directory path", name, v), `write paths relative to the site root, like "static" or ["static", "static-extra"]`})
			return
		}
		if c := path.Clean(filepath.ToSlash(s)); path.IsAbs(c) || filepath.IsAbs(s) || c == ".." || strings.HasPrefix(c, "../") {
			d.addAt(l, &problem{fmt.Sprintf("%s: %q is outside the site root", name, s), "a build reads only files inside the site: link the directory into it, and list the target in [security] allowOutside"})
			return
		}
		dirs = append(dirs, s)
	}
	*dst = dirs
}

// I18nDir is where a site's translation tables are, as in Hugo:
// i18n/de.toml.
const I18nDir = "i18n"

// DataDir is where a site's data files are, as in Hugo: data/authors.yaml
// is .Site.Data.authors.
const DataDir = "data"

// SourceDirs returns the directories a build reads, as slash paths from
// the site root, each once: content, layouts, assets, the translation
// tables, the data files, then the static directories. A server watches them; the output
// directory must not be, hold or lie inside any of them.
func (c Config) SourceDirs() []string {
	var dirs []string
	for _, d := range append([]string{c.ContentDir, c.LayoutDir, c.AssetDir, I18nDir, DataDir}, c.StaticDirs...) {
		if d != "" && !slices.Contains(dirs, d) {
			dirs = append(dirs, d)
		}
	}
	return dirs
}
