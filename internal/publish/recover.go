package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Recover restores the output directory dir from the old output a killed
// build left beside it, when dir is missing, and tells notify (which may be
// nil) what it did. Write and Stage do this too before they stage; a
// build calls Recover first, under Lock, so that dir is back even when the
// build then fails before it writes anything.
func Recover(dir string, notify func(msg string)) error {
	o := osOps()
	o.notify = notify
	parent, base := splitDir(dir)
	return recoverOld(dir, parent, base, o)
}

// recoverOld restores dir from the old output a run killed between the two
// renames of a swap left beside it (".BASE.quire-staging-N.old"), when dir
// is missing: otherwise that copy, the only one left, would be removed as
// a leftover. Of several, the most recently modified is restored (the
// others are then ordinary leftovers). The spare is never restored: it
// is the output before the one that went missing. It says what it did
// through o.notify.
func recoverOld(dir, parent, base string, o ops) error {
	if _, err := os.Lstat(dir); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	entries, err := os.ReadDir(parent)
	if err != nil {
		return nil // a missing parent has nothing to restore
	}
	var best string
	var bestInfo fs.FileInfo
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || !strings.HasSuffix(name, oldSuffix) || !isStagingName(name, base) ||
			!hasMarker(filepath.Join(parent, name)) {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		if best == "" || fi.ModTime().After(bestInfo.ModTime()) ||
			fi.ModTime().Equal(bestInfo.ModTime()) && name > best {
			best, bestInfo = name, fi
		}
	}
	if best == "" {
		return nil
	}
	from := filepath.Join(parent, best)
	if err := o.rename(from, dir); err != nil {
		return fmt.Errorf("publish: %s is missing and restoring it from %s, which an interrupted build left, failed: %w "+
			"(hint: rename %s to %s by hand)", dir, from, err, from, dir)
	}
	o.note(fmt.Sprintf("restored %s from %s, which an interrupted build left", dir, from))
	return nil
}
