package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// spareName is the name of the spare beside the output directory base:
// the output before the current one, kept after a successful swap so that
// the next build writes into its files and directories instead of creating
// new ones. On ext4 without a journal, creating as many inodes as were
// just deleted is slow: the allocator skips every recently deleted inode,
// one by one. Deleting the spare is safe at any time no build is running
// (a build that starts takes it over, so an rm -r still under way could
// remove files the build writes); the next build then starts from an
// empty staging directory.
func spareName(base string) string {
	return "." + base + ".quire-spare"
}

// isSpare reports whether p is a spare quire may reuse or replace: a
// directory, not a symbolic link, that holds a Marker. Anything else under
// the spare's name is a stranger's and left alone.
func isSpare(p string) bool {
	fi, err := os.Lstat(p)
	return err == nil && fi.IsDir() && hasMarker(p)
}

// takeSpare moves the spare of the output directory base in parent, if it
// has one, onto the empty directory staging, and reports whether it did.
// The spare's files are then the previous output's and must be overwritten
// or swept before staging is swapped in.
func takeSpare(parent, base, staging string) bool {
	spare := filepath.Join(parent, spareName(base))
	if !isSpare(spare) {
		return false
	}
	// On failure both are as they were.
	return renameOnto(spare, staging) == nil
}

// keepSpare keeps old, the previous output just swapped out of dir with
// its carried entries moved over, as dir's spare, replacing an earlier
// spare. Where it cannot (the name is a stranger's, or the rename fails)
// it removes old, as quire did before it kept spares.
func keepSpare(old, dir string, o ops) error {
	parent, base := splitDir(dir)
	spare := filepath.Join(parent, spareName(base))
	if _, err := os.Lstat(spare); !errors.Is(err, fs.ErrNotExist) && (!isSpare(spare) || os.RemoveAll(spare) != nil) {
		return os.RemoveAll(old)
	}
	if o.rename(old, spare) != nil {
		return os.RemoveAll(old)
	}
	return nil
}
