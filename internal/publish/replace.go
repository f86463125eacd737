package publish

import (
	"slices"
	"strings"
)

// Replace puts f in place of the file at f's path in files, which is
// sorted by path, and reports whether there was one.
func Replace(files []File, f File) bool {
	i, ok := slices.BinarySearchFunc(files, f.Path, func(g File, p string) int { return strings.Compare(g.Path, p) })
	if ok {
		files[i] = f
	}
	return ok
}

// ReplaceOwn puts f in place of the file at f's path in files, which is
// sorted by path, when that file came from f's Source: not when another
// source (a file of the site's own) took the path, nor when there is none.
func ReplaceOwn(files []File, f File) {
	if i := OwnAt(files, f.Path, f.Source); i >= 0 {
		files[i] = f
	}
}

// OwnAt returns the index in files (sorted by path) of the file at path
// made by source, or -1 when there is none or another source took it.
func OwnAt(files []File, path, source string) int {
	i, ok := slices.BinarySearchFunc(files, path, func(g File, p string) int { return strings.Compare(g.Path, p) })
	if !ok || files[i].Source != source {
		return -1
	}
	return i
}
