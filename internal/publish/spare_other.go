//go:build !unix

package publish

import "os"

// renameOnto renames the directory from onto the empty directory to. The
// system cannot replace a directory by renaming, so to is removed first.
func renameOnto(from, to string) error {
	if err := os.Remove(to); err != nil {
		return err
	}
	if err := os.Rename(from, to); err != nil {
		os.Mkdir(to, dirPerm)
		return err
	}
	return nil
}
