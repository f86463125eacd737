//go:build unix

package publish

import "syscall"

// renameOnto renames the directory from onto the empty directory to,
// atomically replacing it; os.Rename refuses to replace a directory.
func renameOnto(from, to string) error {
	return syscall.Rename(from, to)
}
