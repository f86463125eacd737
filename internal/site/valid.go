package site

import (
	"slices"
	"sync"

	"github.com/quire-docs/quire/internal/publish"
)

// validMemo remembers the output paths of the last build that passed
// publish.Validate (in a Cache): the same paths pass again, so a rebuild
// compares them instead of validating every path anew.
type validMemo struct {
	mu    sync.Mutex
	paths []string
}

// validate is publish.Validate of files, through the Cache when there is
// one.
func (b *builder) validate(files []publish.File) error {
	if b.opts.Cache == nil {
		return publish.Validate(files)
	}
	m := &b.opts.Cache.steps.valid
	m.mu.Lock()
	defer m.mu.Unlock()
	if slices.EqualFunc(files, m.paths, func(f publish.File, p string) bool { return f.Path == p }) {
		return nil
	}
	m.paths = nil
	if err := publish.Validate(files); err != nil {
		return err
	}
	m.paths = make([]string, len(files))
	for i, f := range files {
		m.paths[i] = f.Path
	}
	return nil
}
