// Package sitefs opens a site's source tree as an fs.FS that follows
// symbolic links only to files inside the site root, or inside the
// directories the site allows.
package sitefs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// OutsideError is the error for a file reached through a symbolic link
// whose target is outside the site root and outside every allowed
// directory. It comes wrapped in an *fs.PathError.
type OutsideError struct {
	Target string // the link's target as written (or, behind a linked directory, the path it resolves to)
}

func (e *OutsideError) Error() string {
	return fmt.Sprintf("symlink to %s points outside the site root", e.Target)
}

// Hint says how to allow a directory outside the site root.
const Hint = `a build reads only files inside the site; to use files from another directory, list it in config.toml: [security] allowOutside = ["../shared-docs"]`

// FS is a site's source tree. Opening a name resolves it inside the root
// with os.Root, which refuses any symbolic link that leads out of it;
// such a name is then resolved in full (filepath.EvalSymlinks) and opened
// by its resolved path, through os.Root again, in the site root (a link
// written as an absolute path into the site) or in an allowed directory;
// anywhere else it is an *OutsideError. A link changed between resolving
// and opening cannot lead out either: the resolved path is opened
// through os.Root.
//
// FS is safe for concurrent use. Close it when done.
type FS struct {
	site  dir
	allow []dir
}

// dir is an open directory: its real path and its os.Root.
type dir struct {
	path string // absolute, with no symbolic links
	root *os.Root
	fsys fs.FS
}

// Open opens the site rooted at root, allowing links into the directories
// allow (relative to root, or absolute). An allowed directory that does
// not exist is an error.
func Open(root string, allow []string) (*FS, error) {
	site, err := openDir(root)
	if err != nil {
		return nil, err
	}
	f := &FS{site: site}
	for _, a := range allow {
		p := filepath.FromSlash(a)
		if !filepath.IsAbs(p) {
			p = filepath.Join(root, p)
		}
		d, err := openDir(p)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("config.toml: security.allowOutside: %q: %w", a, unwrapPath(err))
		}
		f.allow = append(f.allow, d)
	}
	return f, nil
}

func openDir(p string) (dir, error) {
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return dir{}, err
	}
	if real, err = filepath.Abs(real); err != nil {
		return dir{}, err
	}
	r, err := os.OpenRoot(real)
	if err != nil {
		return dir{}, err
	}
	return dir{path: real, root: r, fsys: r.FS()}, nil
}

// Close closes the site root and the allowed directories.
func (f *FS) Close() error {
	var errs []error
	for _, d := range append([]dir{f.site}, f.allow...) {
		if d.root != nil {
			errs = append(errs, d.root.Close())
		}
	}
	return errors.Join(errs...)
}

// Open implements fs.FS.
func (f *FS) Open(name string) (fs.File, error) {
	file, err := f.site.fsys.Open(name)
	if err == nil {
		return file, nil
	}
	d, rel, err := f.resolve("open", name, err)
	if err != nil {
		return nil, err
	}
	return d.fsys.Open(rel)
}

// Stat implements fs.StatFS.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	fi, err := fs.Stat(f.site.fsys, name)
	if err == nil {
		return fi, nil
	}
	d, rel, err := f.resolve("stat", name, err)
	if err != nil {
		return nil, err
	}
	return fs.Stat(d.fsys, rel)
}

// ReadFile implements fs.ReadFileFS.
func (f *FS) ReadFile(name string) ([]byte, error) {
	b, err := fs.ReadFile(f.site.fsys, name)
	if err == nil {
		return b, nil
	}
	d, rel, err := f.resolve("open", name, err)
	if err != nil {
		return nil, err
	}
	return fs.ReadFile(d.fsys, rel)
}

// ReadDir implements fs.ReadDirFS.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	es, err := fs.ReadDir(f.site.fsys, name)
	if err == nil {
		return es, nil
	}
	d, rel, err := f.resolve("readdir", name, err)
	if err != nil {
		return nil, err
	}
	return fs.ReadDir(d.fsys, rel)
}

// ReadLink implements fs.ReadLinkFS: it returns the target of the link
// name, which need not be inside the site.
func (f *FS) ReadLink(name string) (string, error) {
	if !fs.ValidPath(name) {
		return "", &fs.PathError{Op: "readlink", Path: name, Err: fs.ErrInvalid}
	}
	t, err := f.site.root.Readlink(name)
	if err == nil {
		return t, nil
	}
	d, rel, err := f.resolveDir("readlink", name, err)
	if err != nil {
		return "", err
	}
	return d.root.Readlink(rel)
}

// Lstat implements fs.ReadLinkFS.
func (f *FS) Lstat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "lstat", Path: name, Err: fs.ErrInvalid}
	}
	fi, err := f.site.root.Lstat(name)
	if err == nil {
		return fi, nil
	}
	d, rel, err := f.resolveDir("lstat", name, err)
	if err != nil {
		return nil, err
	}
	return d.root.Lstat(rel)
}

// resolveDir is resolve for the directory of name, for the calls that do
// not follow a link in name's last element.
func (f *FS) resolveDir(op, name string, first error) (dir, string, error) {
	parent, base := path.Split(name)
	if parent == "" {
		return dir{}, "", first
	}
	d, rel, err := f.resolve(op, path.Clean(parent), first)
	if err != nil {
		return dir{}, "", err
	}
	return d, path.Join(rel, base), nil
}

// resolve is called when name could not be opened inside the site root
// with error first: it resolves name's symbolic links and returns the
// directory and the path in it to open instead, or the error to return.
func (f *FS) resolve(op, name string, first error) (dir, string, error) {
	if !fs.ValidPath(name) {
		return dir{}, "", first
	}
	full := filepath.Join(f.site.path, filepath.FromSlash(name))
	real, err := filepath.EvalSymlinks(full)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && !errors.Is(first, fs.ErrNotExist) {
			return dir{}, "", &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist} // a dangling link out of the site
		}
		return dir{}, "", first
	}
	if rel, ok := within(f.site.path, real); ok {
		if rel == filepath.ToSlash(filepath.Clean(name)) {
			return dir{}, "", first // no link on the way: a genuine error
		}
		return f.site, rel, nil
	}
	for _, d := range f.allow {
		if rel, ok := within(d.path, real); ok {
			return d, rel, nil
		}
	}
	target, err := os.Readlink(full)
	if err != nil {
		target = real // name is behind a linked directory
	}
	return dir{}, "", &fs.PathError{Op: op, Path: name, Err: &OutsideError{Target: target}}
}

// within returns real's slash path relative to the directory base, when
// real is base or inside it.
func within(base, real string) (string, bool) {
	rel, err := filepath.Rel(base, real)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// unwrapPath drops the *fs.PathError wrapper, whose path the message
// names already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
