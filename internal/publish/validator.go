package publish

import (
	"slices"
	"sync"
)

// Validator is Validate with a memory: it remembers the paths of the last
// files that passed, and files with the same paths pass again without
// being validated anew (quire serve keeps one between builds, where most
// rebuilds write the same paths). The zero Validator is ready to use; it
// is safe for concurrent use.
type Validator struct {
	mu    sync.Mutex
	paths []string
}

// Validate is Validate(files), at once when their paths are those that
// passed last time.
func (v *Validator) Validate(files []File) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if slices.EqualFunc(files, v.paths, func(f File, p string) bool { return f.Path == p }) {
		return nil
	}
	v.paths = nil
	if err := Validate(files); err != nil {
		return err
	}
	v.paths = make([]string, len(files))
	for i, f := range files {
		v.paths[i] = f.Path
	}
	return nil
}
