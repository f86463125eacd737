package assets

import (
	"errors"
	"io/fs"
	"path"
	"strings"

	"github.com/quire-docs/quire/internal/diag"
)

// Link is a symbolic link among a site's files that is not published:
// its target does not exist, or is a directory, which is not followed.
type Link struct {
	File   string // the link, as the user knows it: "assets/js/base.js"
	Name   string // the name it would be published or looked up by: "js/base.js"
	Target string // the target as written, for a dangling link: "../../node_modules/x/base.js"
	Dir    bool   // the target is a directory
}

// Warning is the diagnostic for a link that nothing uses: a file that is
// not there is not the build's business until a page or a template asks
// for it.
func (l Link) Warning() *diag.Diagnostic {
	if l.Dir {
		return diag.Warnf(l.File, 0, 0, "symbolic link to a directory skipped").
			WithHint("quire does not follow directory links; copy or move the files instead")
	}
	return diag.Warnf(l.File, 0, 0, "dangling symbolic link to %s: not published", l.Target).
		WithHint("remove the link, or create the file it points to (a Hugo site may need its node_modules installed)")
}

// linkState is what a symbolic link leads to.
type linkState int

const (
	linkFile     linkState = iota // a regular file: read it as one
	linkDangling                  // nothing: its target does not exist
	linkDir                       // a directory, which is not followed
	linkError                     // an error, reported by the caller
)

// follow says what the symbolic link at p in fsys leads to; for
// linkDangling it returns the link's target as written, for linkError
// the error (an *sitefs.OutsideError for a link out of the site).
func follow(fsys fs.FS, p string) (linkState, string, error) {
	fi, err := fs.Stat(fsys, p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		target, lerr := fs.ReadLink(fsys, p)
		if lerr != nil {
			return linkError, "", err
		}
		return linkDangling, target, nil
	case err != nil:
		return linkError, "", err
	case fi.IsDir():
		return linkDir, "", nil
	case !fi.Mode().IsRegular():
		return linkError, "", &fs.PathError{Op: "open", Path: p, Err: errors.New("not a regular file")}
	}
	return linkFile, "", nil
}

// Skipped returns the symbolic links among the files of fsys, the site's
// assets directory, that Process leaves out, sorted by name.
// dir is fsys's slash path from the site root, for Link.File (default
// "assets"). Names starting with "." are skipped, as Process skips them;
// so are links it cannot read, which Process reports.
func Skipped(fsys fs.FS, dir string) []Link {
	if fsys == nil {
		return nil
	}
	dir = path.Clean(strings.TrimSuffix(dir, "/"))
	if dir == "" || dir == "." {
		dir = "assets"
	}
	var out []Link
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == "." {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		switch state, target, _ := follow(fsys, p); state {
		case linkDangling, linkDir:
			out = append(out, Link{File: dir + "/" + p, Name: p, Target: target, Dir: state == linkDir})
		}
		return nil
	})
	return out // WalkDir visits names in lexical order
}
