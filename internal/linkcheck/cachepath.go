package linkcheck

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// CachePath returns the file the cacheFile setting file (a slash path
// relative to the site root) names under root, or an error when it would
// be outside root: an absolute path, one climbing out with "..", or one
// whose directories, or the file itself, lead out through a symbolic link.
// Directories that do not exist yet are fine: Save creates them.
func CachePath(root, file string) (string, error) {
	switch clean := path.Clean(filepath.ToSlash(file)); {
	case strings.TrimSpace(file) == "":
		return "", errors.New("is empty")
	case filepath.IsAbs(file) || path.IsAbs(filepath.ToSlash(file)) || filepath.VolumeName(file) != "":
		return "", fmt.Errorf("%q is an absolute path; the cache must be inside the site root", file)
	case clean == ".":
		return "", fmt.Errorf("%q is the site root, not a file", file)
	case clean == ".." || strings.HasPrefix(clean, "../"):
		return "", fmt.Errorf("%q is outside the site root", file)
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", err
	}
	full := filepath.Join(root, filepath.FromSlash(file))
	real, err := resolveExisting(full)
	if err != nil {
		return "", err
	}
	if rel, err := filepath.Rel(realRoot, real); err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%q leads outside the site root through a symbolic link (to %s)", file, real)
	}
	return full, nil
}

// resolveExisting returns p with symbolic links resolved in its longest
// existing prefix (the rest of p may not exist yet). A dangling link is
// followed to where it points.
func resolveExisting(p string) (string, error) {
	for hops := 0; ; hops++ {
		r, link, err := resolvePrefix(p)
		if err != nil || link == "" {
			return r, err
		}
		if hops == 40 {
			return "", fmt.Errorf("%s: too many symbolic links", p)
		}
		p = link
	}
}

// resolvePrefix is one step of resolveExisting: p resolved, or the
// target of a dangling symbolic link in p (with the rest of p joined to
// it) to resolve next.
func resolvePrefix(p string) (resolved, dangling string, err error) {
	var rest []string
	join := func(r string) string {
		for i := len(rest) - 1; i >= 0; i-- {
			r = filepath.Join(r, rest[i])
		}
		return r
	}
	for dir := filepath.Clean(p); ; dir = filepath.Dir(dir) {
		r, err := filepath.EvalSymlinks(dir)
		if err == nil {
			return join(r), "", nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", "", err
		}
		if fi, lerr := os.Lstat(dir); lerr == nil && fi.Mode()&fs.ModeSymlink != 0 {
			t, err := os.Readlink(dir)
			if err != nil {
				return "", "", err
			}
			if !filepath.IsAbs(t) {
				t = filepath.Join(filepath.Dir(dir), t)
			}
			return "", join(t), nil
		}
		if filepath.Dir(dir) == dir {
			return p, "", nil
		}
		rest = append(rest, filepath.Base(dir))
	}
}
