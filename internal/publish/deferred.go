package publish

import (
	"slices"
	"strings"
)

// Deferred is a set of output files made when first asked for.
type Deferred struct {
	// Owns reports whether the file at path, if the site has it, is one
	// of the set.
	Owns func(path string) bool
	// Files makes the set's files, sorted by path. It may be called from
	// any goroutine, and returns the same files every time.
	Files func() []File
	// Next is another set, made on its own when first asked for; nil
	// when there is none.
	Next *Deferred
}

// Find returns the file at path of the set, or of a later one, that owns
// it, making that set's files only.
func (d *Deferred) Find(path string) (File, bool) {
	for ; d != nil; d = d.Next {
		if !d.Owns(path) {
			continue
		}
		files := d.Files()
		if i, ok := Find(files, path); ok {
			return files[i], true
		}
		return File{}, false
	}
	return File{}, false
}

// OwnsAny reports whether the set or a later one owns path.
func (d *Deferred) OwnsAny(path string) bool {
	for ; d != nil; d = d.Next {
		if d.Owns(path) {
			return true
		}
	}
	return false
}

// All makes the files of the set and every later one, sorted by path.
func (d *Deferred) All() []File {
	var all []File
	for ; d != nil; d = d.Next {
		all = append(all, d.Files()...)
	}
	slices.SortFunc(all, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return all
}
