// Package publish writes a built site into its output directory atomically.
package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"golang.org/x/sync/errgroup"
)

// File is one output file.
type File struct {
	Path   string // slash path relative to the output root, e.g. "faq/security/index.html"
	Data   []byte
	Source string // what produced it, for messages: "content/faq/security.md", "assets/site.css"
}

// Marker is the file quire leaves in every directory it publishes, so a
// later build knows it may replace that directory.
const Marker = ".quire-build"

// markerText is the content of the Marker file.
const markerText = "This directory is written by quire build and replaced on every build.\n"

// Permissions of published files and directories (before the umask).
const (
	filePerm fs.FileMode = 0o644
	dirPerm  fs.FileMode = 0o755
)

// RefusalError is returned by Write when dir exists but quire may not
// replace it. Nothing was written.
type RefusalError struct {
	Dir    string
	Reason string // e.g. "it is not a directory"
	Hint   string
}

func (e *RefusalError) Error() string {
	s := "refusing to replace " + e.Dir + ": " + e.Reason
	if e.Hint != "" {
		s += " (hint: " + e.Hint + ")"
	}
	return s
}

// Write puts files into dir: it writes a staging directory beside dir and
// swaps it in only when all files were written. It refuses to replace an
// existing non-empty dir that holds no Marker.
//
// The new dir holds exactly files plus Marker: files of an earlier build
// that are not in files do not survive. On any error dir is left as it was
// and no staging directory remains.
func Write(dir string, files []File) error {
	return write(dir, files, writeFile)
}

// writeFile writes one file; tests swap it to fail midway.
func writeFile(name string, data []byte) error {
	if err := os.WriteFile(name, data, filePerm); err != nil {
		return err
	}
	// os.WriteFile's mode is filtered by the umask; published files are
	// world-readable whatever the builder's umask.
	return os.Chmod(name, filePerm)
}

func write(dir string, files []File, wf func(string, []byte) error) error {
	if err := Validate(files); err != nil {
		return err
	}
	existed, err := checkDest(dir)
	if err != nil {
		return err
	}
	parent, base := filepath.Split(filepath.Clean(dir))
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, dirPerm); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	staging, err := os.MkdirTemp(parent, "."+base+".quire-staging-*")
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if err := fill(staging, files, wf); err != nil {
		os.RemoveAll(staging)
		return err
	}
	if err := swap(staging, dir, existed); err != nil {
		os.RemoveAll(staging)
		return err
	}
	return nil
}

// checkDest reports whether dir exists, or why quire must not replace it.
func checkDest(dir string) (existed bool, err error) {
	fi, err := os.Lstat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("publish: %w", err)
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		return false, &RefusalError{Dir: dir, Reason: "it is a symbolic link, which quire would replace by a directory",
			Hint: "point --destination at the directory itself"}
	}
	if !fi.IsDir() {
		return false, &RefusalError{Dir: dir, Reason: "it is not a directory",
			Hint: "choose another --destination or remove it"}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false, fmt.Errorf("publish: %w", err)
	}
	if len(entries) == 0 {
		return true, nil
	}
	if fi, err := os.Lstat(filepath.Join(dir, Marker)); err == nil && fi.Mode().IsRegular() {
		return true, nil
	}
	return false, &RefusalError{Dir: dir,
		Reason: "it is not empty and has no " + Marker + " marker, so quire did not create it",
		Hint:   "choose another --destination or empty it"}
}

// fill writes files and the Marker into the empty directory root.
func fill(root string, files []File, wf func(string, []byte) error) error {
	if err := os.Chmod(root, dirPerm); err != nil { // MkdirTemp made it 0700
		return fmt.Errorf("publish: %w", err)
	}
	dirs := map[string]bool{}
	for _, f := range files {
		for d := pathDir(f.Path); d != ""; d = pathDir(d) {
			dirs[d] = true
		}
	}
	sorted := make([]string, 0, len(dirs))
	for d := range dirs {
		sorted = append(sorted, d)
	}
	sort.Strings(sorted) // parents before children
	for _, d := range sorted {
		name := filepath.Join(root, filepath.FromSlash(d))
		if err := os.Mkdir(name, dirPerm); err != nil {
			return fmt.Errorf("publish: %w", err)
		}
		if err := os.Chmod(name, dirPerm); err != nil {
			return fmt.Errorf("publish: %w", err)
		}
	}
	var g errgroup.Group
	g.SetLimit(2 * runtime.GOMAXPROCS(0))
	for _, f := range files {
		g.Go(func() error {
			if err := wf(filepath.Join(root, filepath.FromSlash(f.Path)), f.Data); err != nil {
				return fmt.Errorf("publish %s (from %s): %w", f.Path, f.Source, err)
			}
			return nil
		})
	}
	g.Go(func() error { return wf(filepath.Join(root, Marker), []byte(markerText)) })
	return g.Wait()
}

// swap replaces dir by staging. If dir existed it is renamed aside first and
// renamed back should the second rename fail, so dir is never lost.
func swap(staging, dir string, existed bool) error {
	if !existed {
		if err := os.Rename(staging, dir); err != nil {
			return fmt.Errorf("publish: %w", err)
		}
		return nil
	}
	old := staging + ".old" // staging's name is unique, so is this one
	if err := os.Rename(dir, old); err != nil {
		return fmt.Errorf("publish: move old output aside: %w", err)
	}
	if err := os.Rename(staging, dir); err != nil {
		if rerr := os.Rename(old, dir); rerr != nil {
			return fmt.Errorf("publish: %w (and restoring %s from %s failed: %v)", err, dir, old, rerr)
		}
		return fmt.Errorf("publish: %w", err)
	}
	if err := os.RemoveAll(old); err != nil {
		return fmt.Errorf("publish: new output is in place, but removing the old one failed: %w", err)
	}
	return nil
}

// pathDir is path.Dir for a clean relative slash path, with "" for the root.
func pathDir(p string) string {
	i := strings.LastIndexByte(p, '/')
	if i < 0 {
		return ""
	}
	return p[:i]
}
