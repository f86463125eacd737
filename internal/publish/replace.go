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
