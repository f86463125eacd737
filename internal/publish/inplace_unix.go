//go:build unix

package publish

import (
	"io/fs"
	"syscall"
)

// noFollow makes opening a file fail when its last element is a symbolic
// link, so that writeFile never writes through one planted in a reused
// staging directory.
const noFollow = syscall.O_NOFOLLOW

// hardLinked reports whether the file fi describes has other names, which
// an in-place write would change too (a backup made with cp -al or rsync
// --link-dest shares its files with the output).
func hardLinked(fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && st.Nlink > 1
}
