package assets

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/publish"
)

// StaticOptions for Static.
type StaticOptions struct {
	FS   fs.FS    // the site root
	Dirs []string // staticDir: slash paths from the site root; the first listed wins a path
	// AllowDotPaths lists the names starting with "." that may be copied
	// from the top of a static directory, as [publish] allowDotPaths
	// (".well-known"); any other name starting with "." is skipped.
	AllowDotPaths []string
}

// Static returns the files of Hugo's static directories, each published
// verbatim (never minified, renamed or fingerprinted) at its path in its
// directory, so that every directory is merged at the output root; of
// two directories with a file at one path, the first listed wins. A
// directory that does not exist is skipped. Files are sorted by Path,
// with Source naming the file as the user knows it ("static/img/a.png").
//
// Symbolic links that do not lead to a file are left out and returned,
// sorted by File, for the caller to warn about. The error joins a
// *diag.Diagnostic for each file that cannot be read, such as a link out
// of the site (*sitefs.OutsideError); the files that could be read are
// returned with it.
func Static(o StaticOptions) ([]publish.File, []Link, error) {
	var ds diag.List
	var files []publish.File
	var skipped []Link
	seen := map[string]bool{}
	for _, dir := range o.Dirs {
		dir = path.Clean(strings.TrimPrefix(dir, "/"))
		fi, err := fs.Stat(o.FS, dir)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			ds.Add(readError(dir, err))
			continue
		case !fi.IsDir():
			ds.Add(diag.Errorf(dir, 0, 0, "staticDir is a file, not a directory").
				WithHint("set staticDir in the site config to the directory of files to publish as they are"))
			continue
		}
		fs.WalkDir(o.FS, dir, func(p string, d fs.DirEntry, err error) error {
			name := strings.TrimPrefix(strings.TrimPrefix(p, dir), "/")
			if dir == "." {
				name = p
			}
			if err != nil {
				ds.Add(readError(p, err))
				return nil // a directory that cannot be read is skipped
			}
			if p == dir {
				return nil
			}
			if strings.HasPrefix(d.Name(), ".") && !(name == d.Name() && slices.Contains(o.AllowDotPaths, name)) {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				switch state, target, err := follow(o.FS, p); state {
				case linkDangling, linkDir:
					skipped = append(skipped, Link{File: p, Name: name, Target: target, Dir: state == linkDir})
					return nil
				case linkError:
					ds.Add(readError(p, err))
					return nil
				}
			}
			if seen[name] {
				return nil // an earlier directory's file wins
			}
			data, err := fs.ReadFile(o.FS, p)
			if err != nil {
				ds.Add(readError(p, err))
				return nil
			}
			seen[name] = true
			files = append(files, publish.File{Path: name, Data: data, Source: p})
			return nil
		})
	}
	slices.SortFunc(files, func(a, b publish.File) int { return strings.Compare(a.Path, b.Path) })
	slices.SortFunc(skipped, func(a, b Link) int { return strings.Compare(a.File, b.File) })
	return files, skipped, ds.Err()
}
