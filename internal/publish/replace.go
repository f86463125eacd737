package publish

import (
	"slices"
	"strings"
)

// Find returns the index in files, sorted by path, of the file at path,
// and whether there is one (else where it would go).
func Find(files []File, path string) (int, bool) {
	return slices.BinarySearchFunc(files, path, func(f File, p string) int { return strings.Compare(f.Path, p) })
}

// Replace puts f in place of the file at f's path in files, which is
// sorted by path, and reports whether there was one.
func Replace(files []File, f File) bool {
	i, ok := Find(files, f.Path)
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
	i, ok := Find(files, path)
	if !ok || files[i].Source != source {
		return -1
	}
	return i
}
