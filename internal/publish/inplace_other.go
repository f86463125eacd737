//go:build !unix

package publish

import "io/fs"

// noFollow is not available here; writeFile removes a symbolic link it
// finds with Lstat before it opens the file.
const noFollow = 0

// hardLinked cannot tell here whether a file has other names, so it says
// it has: writeFile then replaces every file of a reused staging directory
// instead of overwriting it.
func hardLinked(fi fs.FileInfo) bool { return true }
