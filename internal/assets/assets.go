// Package assets processes theme and site assets: minify, fingerprint and
// compute subresource integrity.
package assets

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/quire-docs/quire/internal/minify"
	"github.com/quire-docs/quire/internal/publish"
)

// Asset is one processed asset, looked up by Name from templates.
type Asset struct {
	Name         string // logical name, e.g. "css/site.css"
	RelPermalink string // "/css/site.3f2a1b9c.css"
	Integrity    string // "sha256-..."
}

// Options for Process.
type Options struct {
	Theme   fs.FS             // the embedded theme's assets
	Site    fs.FS             // the site's assets/ directory; may be nil
	Extra   map[string][]byte // generated assets (e.g. "css/chroma.css")
	Minify  *minify.Minifier  // nil: no minification
	BaseDir string            // URL prefix path from baseURL, e.g. "/docs/" (default "/")
}

// source is one input asset before processing.
type source struct {
	data   []byte
	origin string // for messages and publish.File.Source: "assets/css/site.css"
}

// Process returns output files and the asset table. A site asset replaces
// the theme asset of the same name.
//
// Precedence, lowest first: Theme, Extra, Site (so a site can also replace a
// generated asset such as "css/chroma.css"). Files and directories whose
// name starts with "." are skipped. CSS and JS files are minified (when
// Minify is set) and fingerprinted: "css/site.css" is written as
// "css/site.<first 10 hex digits of sha256>.css"; other files keep their
// name. Integrity is "sha256-" + base64 of the sha256 of the bytes written.
// Files are returned sorted by Path; errors name the file.
func Process(opts Options) ([]publish.File, map[string]Asset, error) {
	srcs := map[string]source{}
	if err := collect(srcs, opts.Theme, "theme/assets"); err != nil {
		return nil, nil, err
	}
	for name, data := range opts.Extra {
		if !fs.ValidPath(name) || name == "." {
			return nil, nil, fmt.Errorf("generated asset %q: invalid name", name)
		}
		srcs[name] = source{data: data, origin: "generated " + name}
	}
	if err := collect(srcs, opts.Site, "assets"); err != nil {
		return nil, nil, err
	}

	base := baseDir(opts.BaseDir)
	names := make([]string, 0, len(srcs))
	for n := range srcs {
		names = append(names, n)
	}
	sort.Strings(names)

	files := make([]publish.File, 0, len(names))
	table := make(map[string]Asset, len(names))
	for _, name := range names {
		src := srcs[name]
		data, out := src.data, name
		if fingerprinted(name) {
			if opts.Minify != nil {
				m, err := opts.Minify.File(name, data)
				if err != nil {
					return nil, nil, fmt.Errorf("%s: %w", src.origin, err)
				}
				data = m
			}
			out = Fingerprint(name, data)
		}
		sum := sha256.Sum256(data)
		files = append(files, publish.File{Path: out, Data: data, Source: src.origin})
		table[name] = Asset{
			Name:         name,
			RelPermalink: base + out,
			Integrity:    "sha256-" + base64.StdEncoding.EncodeToString(sum[:]),
		}
	}
	// Fingerprinting keeps the directory, so out paths sort like names
	// except where a hash changes order within one directory.
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, table, nil
}

// Fingerprint returns name with the first 10 hex digits of data's sha256
// before its extension: "css/site.css" → "css/site.3f2a1b9c0d.css".
func Fingerprint(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:])[:10] + ext
}

// fingerprinted reports whether name is a stylesheet or script, the assets
// templates link with integrity and that may be cached forever.
func fingerprinted(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".css", ".js":
		return true
	}
	return false
}

// collect reads every regular file of fsys into srcs, replacing earlier
// entries of the same name. origin prefixes names in messages.
func collect(srcs map[string]source, fsys fs.FS, origin string) error {
	if fsys == nil {
		return nil
	}
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("%s/%s: %w", origin, p, err)
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return fmt.Errorf("%s/%s: %w", origin, p, err)
		}
		srcs[p] = source{data: data, origin: origin + "/" + p}
		return nil
	})
}

// baseDir normalises the URL prefix to start and end with "/".
func baseDir(b string) string {
	b = strings.Trim(b, "/")
	if b == "" {
		return "/"
	}
	return "/" + b + "/"
}
