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
// existing non-empty dir that holds no Marker. quire therefore needs write
// access to dir's parent, not only to dir.
//
// The new dir holds exactly files plus Marker, with one exception: entries
// at the top level of the old dir whose names start with "." (a gh-pages
// worktree's .git, .nojekyll, .well-known), other than Marker, are moved
// into the new dir after the swap, unless files has something at that
// path (then the new one wins). Every other file of an earlier build that
// is not in files does not survive.
//
// Before staging, Write removes what earlier killed runs left beside dir:
// directories named like its staging directories (".NAME.quire-staging-*")
// that hold a Marker. A leftover old output that still holds such a
// dot-entry is kept, so nothing carried over is ever deleted; so are
// directories without a Marker. Write must not run concurrently for the
// same dir.
//
// On any error before the swap dir is left as it was and no staging
// directory remains. If moving a dot-entry fails after the swap, the new
// output is in place and the old one is left aside, not deleted, and the
// error names where it is.
func Write(dir string, files []File) error {
	return write(dir, files, osOps())
}

// ops are the file system operations Write uses; tests replace them to
// fail on purpose.
type ops struct {
	writeFile func(name string, data []byte) error
	rename    func(oldpath, newpath string) error
	mkdirTemp func(dir, pattern string) (string, error)
}

func osOps() ops {
	return ops{writeFile: writeFile, rename: os.Rename, mkdirTemp: os.MkdirTemp}
}

// writeFile writes one file; tests swap it to fail midway.
func writeFile(name string, data []byte) error {
	if err := os.WriteFile(name, data, filePerm); err != nil {
		return err
	}
	// os.WriteFile's mode is filtered by the umask; published files are
	// world-readable whatever the builder's umask.
	if !chmodNeeded(filePerm) {
		return nil
	}
	return os.Chmod(name, filePerm)
}

func write(dir string, files []File, o ops) error {
	if err := Validate(files); err != nil {
		return err
	}
	staging, existed, err := begin(dir, o)
	if err != nil {
		return err
	}
	if err := fill(staging, files, o.writeFile); err != nil {
		os.RemoveAll(staging)
		return err
	}
	return swap(staging, dir, existed, o.rename)
}

// begin checks that dir may be replaced and creates the empty staging
// directory beside it, after removing what killed runs left there.
func begin(dir string, o ops) (staging string, existed bool, err error) {
	existed, err = checkDest(dir)
	if err != nil {
		return "", false, err
	}
	parent, base := filepath.Split(filepath.Clean(dir))
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, dirPerm); err != nil {
		return "", false, fmt.Errorf("publish: %w", err)
	}
	removeLeftovers(parent, base)
	staging, err = o.mkdirTemp(parent, stagingPrefix(base)+"*")
	if err != nil {
		return "", false, fmt.Errorf("publish: cannot create a staging directory in %s: %w "+
			"(hint: quire writes a staging directory next to the output directory %s and needs write access to its parent)",
			parent, err, dir)
	}
	return staging, existed, nil
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
	if onlyDotEntries(entries) {
		// Empty, or only entries such as a gh-pages worktree's .git: they
		// are carried over into the new output, so nothing is lost.
		return true, nil
	}
	if fi, err := os.Lstat(filepath.Join(dir, Marker)); err == nil && fi.Mode().IsRegular() {
		return true, nil
	}
	return false, &RefusalError{Dir: dir,
		Reason: "it is not empty and has no " + Marker + " marker, so quire did not create it",
		Hint:   "choose another --destination or empty it"}
}

// fill writes the Marker and then files into the empty directory root. The
// Marker comes first so that removeLeftovers knows root as quire's should
// this run be killed midway.
func fill(root string, files []File, wf func(string, []byte) error) error {
	if err := os.Chmod(root, dirPerm); err != nil { // MkdirTemp made it 0700
		return fmt.Errorf("publish: %w", err)
	}
	if err := wf(filepath.Join(root, Marker), []byte(markerText)); err != nil {
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
		if err := mkdir(name); err != nil {
			return err
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
	return g.Wait()
}

// mkdir makes the directory name, world-readable whatever the umask.
func mkdir(name string) error {
	if err := os.Mkdir(name, dirPerm); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if chmodNeeded(dirPerm) {
		if err := os.Chmod(name, dirPerm); err != nil {
			return fmt.Errorf("publish: %w", err)
		}
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

// onlyDotEntries reports whether every entry's name starts with ".".
func onlyDotEntries(entries []fs.DirEntry) bool {
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			return false
		}
	}
	return true
}
