// Package assets processes theme and site assets: minify, fingerprint and
// compute subresource integrity.
package assets

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/minify"
	"github.com/quire-docs/quire/internal/publish"
	"github.com/quire-docs/quire/internal/sitefs"
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
	Site    fs.FS             // the site's assets directory; may be nil
	SiteDir string            // Site's slash path from the site root, for messages (default "assets")
	Extra   map[string][]byte // generated assets (e.g. "css/chroma.css")
	Minify  *minify.Minifier  // nil: no minification
	BaseDir string            // URL prefix path from baseURL, e.g. "/docs/" (default "/")
}

// themeDir names theme assets in messages and publish.File.Source.
const themeDir = "theme/assets"

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
// name starts with "." are skipped, and so are the symbolic links that do
// not lead to a file (see Skipped, whose warnings the caller reports).
// HTML, CSS, JS, JSON, SVG and XML files are minified when Minify is set.
// CSS and JS files are fingerprinted:
// "css/site.css" is written as "css/site.<first 10 hex digits of
// sha256>.css"; other files keep their name. Integrity is "sha256-" + base64
// of the sha256 of the bytes written. Files are returned sorted by Path.
//
// Errors are *diag.Diagnostic values, all of them joined with errors.Join,
// each naming the file as the user knows it: "assets/js/a.js:3:7: minify:
// ..." for site assets (under SiteDir), "theme/assets/..." for the theme's.
// On error no files are returned.
func Process(opts Options) ([]publish.File, map[string]Asset, error) {
	var ds diag.List
	siteDir := path.Clean(strings.TrimSuffix(opts.SiteDir, "/"))
	if opts.SiteDir == "" {
		siteDir = "assets"
	}
	srcs := map[string]source{}
	collect(srcs, &ds, opts.Theme, themeDir)
	for name, data := range opts.Extra {
		if !fs.ValidPath(name) || name == "." {
			ds.Add(diag.Errorf("", 0, 0, "generated asset %q: invalid name", name))
			continue
		}
		srcs[name] = source{data: data, origin: "generated " + name}
	}
	collect(srcs, &ds, opts.Site, siteDir)

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
		if opts.Minify != nil {
			m, err := opts.Minify.File(name, data)
			if err != nil {
				ds.Add(minifyError(src.origin, err))
				continue
			}
			data = m
		}
		if fingerprinted(name) {
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
	if err := ds.Err(); err != nil {
		return nil, nil, err
	}
	// Fingerprinting keeps the directory, so out paths sort like names
	// except where a hash changes order within one directory.
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, table, nil
}

// Builtin reports whether f, a file Process returned, is quire's own (the
// embedded theme's, or a generated asset) rather than the site's: a file
// the site publishes at the same path (a Hugo site's static/favicon.svg)
// may take its place.
func Builtin(f publish.File) bool {
	return strings.HasPrefix(f.Source, themeDir+"/") || strings.HasPrefix(f.Source, "generated ")
}

// minifyError turns an error of minify.File for the asset at origin into a
// diagnostic "origin:line:col: minify: message", without tdewolff's
// source excerpt.
func minifyError(origin string, err error) *diag.Diagnostic {
	if line, col, msg, ok := minify.Position(err); ok {
		return diag.Errorf(origin, line, col, "minify: %s", msg)
	}
	// minify.File's error is "path: minify: cause"; keep only the cause's
	// first line.
	cause := err
	if u := errors.Unwrap(err); u != nil {
		cause = u
	}
	msg, _, _ := strings.Cut(cause.Error(), "\n")
	return diag.Errorf(origin, 0, 0, "minify: %s", msg)
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
// entries of the same name, and adds a diagnostic to ds for each file or
// directory it cannot read. origin prefixes names in messages.
func collect(srcs map[string]source, ds *diag.List, fsys fs.FS, origin string) {
	if fsys == nil {
		return
	}
	name := func(p string) string {
		if p == "." {
			return origin
		}
		return origin + "/" + p
	}
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			ds.Add(readError(name(p), err))
			return nil // go on with the rest; a failed directory is skipped
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
		if d.Type()&fs.ModeSymlink != 0 {
			switch state, _, err := follow(fsys, p); state {
			case linkDangling, linkDir:
				return nil // see Skipped
			case linkError:
				ds.Add(readError(name(p), err))
				return nil
			}
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			ds.Add(readError(name(p), err))
			return nil
		}
		srcs[p] = source{data: data, origin: name(p)}
		return nil
	})
}

// readError is a diagnostic for a file that could not be read; a
// *fs.PathError's own path is left out, as file already names it.
func readError(file string, err error) *diag.Diagnostic {
	var oe *sitefs.OutsideError
	if errors.As(err, &oe) {
		return diag.Errorf(file, 0, 0, "%v", oe).WithHint("%s", sitefs.Hint)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return diag.Errorf(file, 0, 0, "%s: %v", pe.Op, pe.Err)
	}
	return diag.Errorf(file, 0, 0, "%v", err)
}

// baseDir normalises the URL prefix to start and end with "/".
func baseDir(b string) string {
	b = strings.Trim(b, "/")
	if b == "" {
		return "/"
	}
	return "/" + b + "/"
}
