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
// existing non-empty dir that holds no Marker (even one holding only
// dot-entries: a home directory has .bashrc). quire therefore needs write
// access to dir's parent, not only to dir.
//
// The new dir holds exactly files plus Marker, with one exception: entries
// at the top level of the old dir whose names start with "." (a gh-pages
// worktree's .git, .nojekyll, .well-known), other than Marker and those an
// earlier build wrote itself (its Marker lists them), are carried over:
// moved into the new dir after the swap. A file of files never replaces a
// carried entry: if one has the same top-level name, Write fails before
// the swap and dir is left as it was. Every other file of an earlier build
// that is not in files does not survive.
//
// After a successful swap the old output, its carried entries moved out,
// is kept beside dir as its spare (".NAME.quire-spare", replacing the one
// before), not removed; the next build takes the spare as its staging
// directory, overwrites its files in place and removes every entry it did
// not write before its swap. A file system then creates and deletes
// hardly any inodes from build to build. The spare takes as much space as
// the output; deleting it while no build runs is safe. Anything under the
// spare's name that is not a directory holding a Marker is never used or
// removed.
//
// Where the system can exchange two directories atomically (Linux
// renameat2 RENAME_EXCHANGE, macOS renamex_np RENAME_SWAP) the swap is one step, so dir exists at every
// moment; elsewhere dir is renamed aside and the staging directory renamed
// into its place.
//
// Before staging, Write restores dir from the old output a killed run left
// beside it (".NAME.quire-staging-*.old") when dir is missing, and removes
// what earlier killed runs left beside dir: directories named like its
// staging directories that hold a Marker. A leftover that still holds a
// carried entry is kept, so nothing carried over is ever deleted; so are
// directories without a Marker. Callers serialise builds into one dir with
// Lock.
//
// On any error before the swap dir is left as it was and no staging
// directory remains. An error for which Touched reports true came after
// the swap: the new output is in place and the error says where the old
// one is kept.
func Write(dir string, files []File) error {
	return write(dir, files, osOps())
}

// ops are the file system operations Write uses; tests replace them to
// fail on purpose.
type ops struct {
	writeFile func(name string, data []byte) error
	rename    func(oldpath, newpath string) error
	exchange  func(a, b string) error // errNoExchange where the system cannot
	mkdirTemp func(dir, pattern string) (string, error)
	notify    func(msg string) // what Write did besides writing, for the user; may be nil
}

func osOps() ops {
	return ops{writeFile: writeFile, rename: os.Rename, exchange: exchange, mkdirTemp: os.MkdirTemp}
}

// note passes msg to o.notify, if set.
func (o ops) note(msg string) {
	if o.notify != nil {
		o.notify(msg)
	}
}

func write(dir string, files []File, o ops) error {
	if err := Validate(files); err != nil {
		return err
	}
	staging, existed, reused, err := begin(dir, o)
	if err != nil {
		return err
	}
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.Path
	}
	owned := ownedDotEntries(paths)
	kept := keptOf(paths)
	if err := fill(staging, files, kept, owned, o.writeFile); err != nil {
		os.RemoveAll(staging)
		return err
	}
	if reused {
		if err := sweep(staging, kept); err != nil {
			os.RemoveAll(staging)
			return err
		}
	}
	return swap(staging, dir, existed, sourcesOf(files, owned), o)
}

// sourcesOf maps each of the top-level names owned to the Source of the
// first of files under it, for messages.
func sourcesOf(files []File, owned []string) map[string]string {
	src := make(map[string]string, len(owned))
	for _, f := range files {
		top, _, _ := strings.Cut(f.Path, "/")
		if _, ok := src[top]; !ok && strings.HasPrefix(top, ".") {
			src[top] = f.Source
		}
	}
	return src
}

// begin checks that dir may be replaced and creates the staging directory
// beside it, after removing what killed runs left there. The staging
// directory is empty unless reused: then it is the spare an earlier build
// kept (see takeSpare), holding that build's files to be overwritten, and
// the caller must sweep it before the swap.
func begin(dir string, o ops) (staging string, existed, reused bool, err error) {
	parent, base := splitDir(dir)
	if err := recoverOld(dir, parent, base, o); err != nil {
		return "", false, false, err
	}
	existed, err = checkDest(dir)
	if err != nil {
		return "", false, false, err
	}
	if err := os.MkdirAll(parent, dirPerm); err != nil {
		return "", false, false, fmt.Errorf("publish: %w", err)
	}
	removeLeftovers(parent, base, o)
	staging, err = o.mkdirTemp(parent, stagingPrefix(base)+"*")
	if err != nil {
		return "", false, false, fmt.Errorf("publish: cannot create a staging directory in %s: %w "+
			"(hint: quire writes a staging directory next to the output directory %s and needs write access to its parent)",
			parent, err, dir)
	}
	return staging, existed, takeSpare(parent, base, staging), nil
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
	if len(entries) == 0 || hasMarker(dir) {
		return true, nil
	}
	hint := "choose another --destination or empty it"
	if onlyDotEntries(entries) {
		// A home directory holds only dot-files too; a gh-pages worktree
		// is told apart by its owner, who adds the marker once.
		hint = "if it is a gh-pages worktree or another directory quire may publish into, create an empty " +
			Marker + " file in it; its entries starting with \".\" are then kept from build to build"
	}
	return false, &RefusalError{Dir: dir,
		Reason: "it is not empty and has no " + Marker + " marker, so quire did not create it",
		Hint:   hint}
}

// splitDir returns the parent of dir ("." for none) and dir's base name.
func splitDir(dir string) (parent, base string) {
	parent, base = filepath.Split(filepath.Clean(dir))
	if parent == "" {
		parent = "."
	}
	return parent, base
}

// fill writes the Marker, listing the top-level dot-entries owned, and then
// files into the directory root, empty or a reused spare, making the
// directories kept (keptOf the files' paths) holds. The Marker comes
// first so that removeLeftovers knows root as quire's should this run be
// killed midway.
func fill(root string, files []File, kept map[string]bool, owned []string, wf func(string, []byte) error) error {
	if err := os.Chmod(root, dirPerm); err != nil { // MkdirTemp made it 0700
		return fmt.Errorf("publish: %w", err)
	}
	if err := wf(filepath.Join(root, Marker), markerData(owned)); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	var sorted []string
	for p, dir := range kept {
		if dir {
			sorted = append(sorted, p)
		}
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
