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
// output aside during a swap by two renames; staging's name is unique, so
// is this one.
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

// errNoExchange is returned by ops.exchange where the system or the file
// system cannot exchange two directories atomically.
var errNoExchange = errors.New("atomic exchange not supported")

// touchedError marks an error that came after the swap: the output
// directory is no longer the old one.
type touchedError struct{ err error }

func (e touchedError) Error() string { return e.err.Error() }
func (e touchedError) Unwrap() error { return e.err }

// Touched reports whether err, from Write or Stage.Commit, came after the
// new output was swapped in (or the swap was half done), so that the
// output directory is not the one from before the build; the error says
// where the old output is kept. For any other error the output directory
// is as it was.
func Touched(err error) bool {
	var t touchedError
	return errors.As(err, &t)
}

// swap replaces dir by staging. Unless dir is new, it first checks that no
// entry of staging would replace one of dir's carried entries (generated
// maps staging's top-level dot-entries to their sources, for the message).
// The swap itself is an atomic exchange where the system has one, two
// renames elsewhere (the second undone should it fail). Then the old
// output's carried entries are moved into the new dir and the rest of the
// old output is kept as dir's spare for the next build to reuse (see
// keepSpare); should a move fail, the old output is kept where it is.
func swap(staging, dir string, existed bool, generated map[string]string, o ops) error {
	if !existed {
		if err := o.rename(staging, dir); err != nil {
			os.RemoveAll(staging)
			return fmt.Errorf("publish: %w", err)
		}
		return nil
	}
	if err := checkNoReplace(dir, generated); err != nil {
		os.RemoveAll(staging)
		return err
	}
	old, err := exchangeDirs(staging, dir, o)
	if err != nil {
		return err
	}
	if err := carryOver(old, dir, o.rename); err != nil {
		return touchedError{fmt.Errorf("publish: the new output is in place, but moving entries of the old output into it failed, "+
			"so the old output is kept in %s: %w", old, err)}
	}
	if err := keepSpare(old, dir, o); err != nil {
		return touchedError{fmt.Errorf("publish: the new output is in place, but removing the old one in %s failed: %w", old, err)}
	}
	return nil
}

// exchangeDirs puts staging in dir's place and returns where the old
// output is now. On error dir is as it was unless the error is Touched.
func exchangeDirs(staging, dir string, o ops) (old string, err error) {
	switch err := o.exchange(staging, dir); {
	case err == nil:
		return staging, nil // the old output now has staging's name
	case !errors.Is(err, errNoExchange):
		os.RemoveAll(staging)
		return "", fmt.Errorf("publish: swap in the new output: %w", err)
	}
	old = staging + oldSuffix
	if err := o.rename(dir, old); err != nil {
		os.RemoveAll(staging)
		return "", fmt.Errorf("publish: move old output aside: %w", err)
	}
	if err := o.rename(staging, dir); err != nil {
		os.RemoveAll(staging)
		if rerr := o.rename(old, dir); rerr != nil {
			return "", touchedError{fmt.Errorf("publish: %w (and restoring %s from %s failed: %v; the next build restores it)", err, dir, old, rerr)}
		}
		return "", fmt.Errorf("publish: %w", err)
	}
	return old, nil
}

// checkNoReplace fails when a top-level entry the new output generates has
// the name of one dir carries over: the new build would replace it.
func checkNoReplace(dir string, generated map[string]string) error {
	if len(generated) == 0 {
		return nil
	}
	names, err := carriedEntries(dir)
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	var errs []error
	for _, name := range names {
		if src, ok := generated[name]; ok {
			errs = append(errs, fmt.Errorf("%s: output %s would replace %s, which quire did not write; nothing was changed "+
				"(hint: move it out of %s if the build may own it, or stop generating it)",
				src, name, filepath.Join(dir, name), dir))
		}
	}
	return errors.Join(errs...)
}

// carryOver moves the carried entries of old into dir. One that dir has
// already is an error (checkNoReplace rules it out; this is the last guard),
// and it stays in old. It tries every entry and reports all failures.
func carryOver(old, dir string, rename func(string, string) error) error {
	names, err := carriedEntries(old)
	if err != nil {
		return err
	}
	var errs []error
	for _, name := range names {
		_, err := os.Lstat(filepath.Join(dir, name))
		if err == nil {
			errs = append(errs, fmt.Errorf("%s: the new output has one too", name))
			continue
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
// that still holds a carried entry, saying so through o.notify, so nothing
// of a stranger's and nothing that was to be carried over is deleted. The
// spare (spareName) has no staging directory's name and is never removed
// here; a staging directory that was the spare is an ordinary leftover.
func removeLeftovers(parent, base string, o ops) {
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
		if !hasMarker(p) {
			continue
		}
		// After an exchange the old output has a staging directory's name
		// (no ".old"), so every leftover is checked.
		if names, err := carriedEntries(p); err != nil || len(names) > 0 {
			what := "entries it could not read"
			if err == nil {
				what = strings.Join(names, ", ")
			}
			o.note(fmt.Sprintf("kept %s, left by an interrupted build: it holds %s, which were to be carried into %s; "+
				"move them back or remove it by hand", p, what, filepath.Join(parent, base)))
			continue
		}
		os.RemoveAll(p)
	}
}
