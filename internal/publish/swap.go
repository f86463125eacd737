package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// oldSuffix is appended to a staging directory's name to move the old
// output aside during the swap; staging's name is unique, so is this one.
const oldSuffix = ".old"

// stagingPrefix is the start of the name of every staging directory Write
// creates for an output directory named base; os.MkdirTemp adds digits.
func stagingPrefix(base string) string {
	return "." + base + ".quire-staging-"
}

// isStagingName reports whether name is one Write gives a staging directory
// for base, or the old output moved aside beside it.
func isStagingName(name, base string) bool {
	rest, ok := strings.CutPrefix(name, stagingPrefix(base))
	if !ok {
		return false
	}
	rest = strings.TrimSuffix(rest, oldSuffix)
	return rest != "" && strings.Trim(rest, "0123456789") == ""
}

// carried reports whether a top-level entry of the old output is moved into
// the new one: dot-files and dot-directories other than the Marker.
func carried(name string) bool {
	return strings.HasPrefix(name, ".") && name != Marker
}

// swap replaces dir by staging. If dir existed it is renamed aside first and
// renamed back should the second rename fail, so dir is never lost. Then
// the old output's carried entries are moved into the new dir and the rest
// of the old output is removed; should a move fail, the old output is kept.
func swap(staging, dir string, existed bool, rename func(string, string) error) error {
	if !existed {
		if err := rename(staging, dir); err != nil {
			os.RemoveAll(staging)
			return fmt.Errorf("publish: %w", err)
		}
		return nil
	}
	old := staging + oldSuffix
	if err := rename(dir, old); err != nil {
		os.RemoveAll(staging)
		return fmt.Errorf("publish: move old output aside: %w", err)
	}
	if err := rename(staging, dir); err != nil {
		os.RemoveAll(staging)
		if rerr := rename(old, dir); rerr != nil {
			return fmt.Errorf("publish: %w (and restoring %s from %s failed: %v)", err, dir, old, rerr)
		}
		return fmt.Errorf("publish: %w", err)
	}
	if err := carryOver(old, dir, rename); err != nil {
		return fmt.Errorf("publish: the new output is in place, but moving entries of the old output into it failed, "+
			"so the old output is kept in %s: %w", old, err)
	}
	if err := os.RemoveAll(old); err != nil {
		return fmt.Errorf("publish: new output is in place, but removing the old one failed: %w", err)
	}
	return nil
}

// carryOver moves the carried entries of old into dir, except those dir
// already has. It tries every entry and reports all failures.
func carryOver(old, dir string, rename func(string, string) error) error {
	entries, err := os.ReadDir(old)
	if err != nil {
		return err
	}
	var errs []error
	for _, e := range entries {
		name := e.Name()
		if !carried(name) {
			continue
		}
		_, err := os.Lstat(filepath.Join(dir, name))
		if err == nil {
			continue // the new site's own entry wins
		}
		if !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
			continue
		}
		if err := rename(filepath.Join(old, name), filepath.Join(dir, name)); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// removeLeftovers removes, best effort, the staging directories that
// earlier runs killed midway left in parent for the output directory base.
// It removes only directories that hold a Marker, and keeps an old output
// that still holds a carried entry, so nothing of a stranger's and nothing
// that was to be carried over is deleted.
func removeLeftovers(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return // then MkdirTemp fails too and says why
	}
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || !isStagingName(name, base) { // IsDir is false for a symbolic link
			continue
		}
		p := filepath.Join(parent, name)
		if fi, err := os.Lstat(filepath.Join(p, Marker)); err != nil || !fi.Mode().IsRegular() {
			continue
		}
		if strings.HasSuffix(name, oldSuffix) && holdsCarried(p) {
			continue
		}
		os.RemoveAll(p)
	}
}

// holdsCarried reports whether dir has a top-level entry carryOver would
// move, or cannot be read.
func holdsCarried(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return true
	}
	for _, e := range entries {
		if carried(e.Name()) {
			return true
		}
	}
	return false
}
