package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// keptOf returns, for a sweep, the slash paths of files (each false) and
// of every directory above them (each true).
func keptOf(files []string) map[string]bool {
	kept := make(map[string]bool, len(files)+len(files)/2)
	for _, p := range files {
		kept[p] = false
		for d := pathDir(p); d != "" && !kept[d]; d = pathDir(d) {
			kept[d] = true
		}
	}
	return kept
}

// sweep removes from the reused staging directory root every entry this
// build did not write: what is left of the output before last. kept maps
// the slash path of each file written to false and of each directory made
// to true; an entry is kept only when it has the kind kept says (a regular
// file, or a directory that is no symbolic link), and so is the Marker at
// the top. Never is a page of an earlier build published.
//
// On a case-insensitive or normalising file system (macOS) a file written
// as "a.html" over an earlier "A.html" keeps the earlier spelling; sweep
// renames such an entry to the path written instead of removing it.
func sweep(root string, kept map[string]bool) error {
	s := sweeper{root: root, kept: kept}
	if err := s.dir(""); err != nil {
		return fmt.Errorf("publish: removing what is left of an earlier build from %s: %w", root, err)
	}
	return nil
}

// sweeper is one sweep of root.
type sweeper struct {
	root   string
	kept   map[string]bool
	folded map[string]string // fold(nfc(path)) → path, of kept, made when first needed
}

// dir sweeps the directory at the slash path rel ("" for root).
func (s *sweeper) dir(rel string) error {
	f, err := os.Open(s.name(rel))
	if err != nil {
		return err
	}
	entries, err := f.ReadDir(-1) // unsorted, unlike os.ReadDir
	f.Close()
	if err != nil {
		return err
	}
	var errs []error
	for _, e := range entries {
		p := e.Name()
		if rel != "" {
			p = rel + "/" + p
		}
		isDir, isFile := e.IsDir(), e.Type().IsRegular() // IsDir is false for a symbolic link
		if rel == "" && p == Marker && isFile {
			continue
		}
		wantDir, ok := s.kept[p]
		if !ok && (isDir || isFile) {
			if p, wantDir, ok, err = s.respelled(p); err != nil {
				errs = append(errs, err)
				continue
			}
		}
		switch {
		case ok && wantDir && isDir:
			if err := s.dir(p); err != nil {
				errs = append(errs, err)
			}
		case ok && !wantDir && isFile:
		default:
			if err := os.RemoveAll(s.name(p)); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// name is the file name of the slash path rel under root.
func (s *sweeper) name(rel string) string {
	return filepath.Join(s.root, filepath.FromSlash(rel))
}

// respelled handles the entry at p, which is not in kept: where the file
// system folds case or normalises names, it may be a kept path q written
// over an entry of an earlier build spelt otherwise. Then p and q name
// one file; respelled renames it to q and returns q and whether it is a
// directory. Otherwise ok is false and p is stale.
func (s *sweeper) respelled(p string) (q string, isDir, ok bool, err error) {
	if s.folded == nil {
		s.folded = make(map[string]string, len(s.kept))
		for k := range s.kept {
			s.folded[fold(nfc(k))] = k
		}
	}
	q, ok = s.folded[fold(nfc(p))]
	if !ok {
		return p, false, false, nil
	}
	a, aerr := os.Lstat(s.name(p))
	b, berr := os.Lstat(s.name(q))
	if aerr != nil || berr != nil || !os.SameFile(a, b) {
		return p, false, false, nil // two files: p is stale
	}
	if err := os.Rename(s.name(p), s.name(q)); err != nil {
		return p, false, false, err // never remove p: it is q
	}
	return q, s.kept[q], true, nil
}
