package resources

import (
	"maps"
	"slices"
	"strings"
	"sync"
)

// Builds is the Store templates publish through, across a full build and
// the quick rebuilds that follow it: the templates hold Store (a method
// value) for as long as the build's templates live, and each build puts a
// Store of its own in it before its pages render, so what a build
// publishes is its own. The zero Builds is ready to use.
type Builds struct {
	mu    sync.Mutex
	o     Options
	store *Store
	paths map[string]bool // what the last build that finished published
}

// Begin starts a build whose resources are read and published with o.
func (bs *Builds) Begin(o Options) {
	bs.mu.Lock()
	defer bs.mu.Unlock()
	bs.o, bs.store = o, New(o)
}

// Again starts a build with the options of the last (a quick rebuild:
// the same assets, config and site).
func (bs *Builds) Again() { bs.Begin(bs.options()) }

func (bs *Builds) options() Options {
	bs.mu.Lock()
	defer bs.mu.Unlock()
	return bs.o
}

// Store returns the running build's Store; nil before the first Begin.
func (bs *Builds) Store() *Store {
	bs.mu.Lock()
	defer bs.mu.Unlock()
	return bs.store
}

// Published returns what the running build published, sorted by path,
// and remembers their paths for the next build's Swap.
func (bs *Builds) Published() []File {
	files := bs.Store().Files()
	paths := make(map[string]bool, len(files))
	for _, f := range files {
		paths[f.Path] = true
	}
	bs.mu.Lock()
	bs.paths = paths
	bs.mu.Unlock()
	return files
}

// Swap returns files, the last build's output sorted by path (path gives
// a file's), with what the last build published replaced by what the
// running build did (conv makes one of them a file of files' type),
// sorted by path. A file published at a path another file of files holds
// is left out and returned in clashes; changed reports whether the
// published paths differ from the last build's (whose link check then
// does not know them).
func Swap[F any](bs *Builds, files []F, path func(F) string, conv func(File) F) (out []F, clashes []File, changed bool) {
	bs.mu.Lock()
	old := bs.paths
	bs.mu.Unlock()
	taken := map[string]bool{}
	for _, f := range files {
		if p := path(f); !old[p] {
			out = append(out, f)
			taken[p] = true
		}
	}
	paths := map[string]bool{}
	for _, f := range bs.Store().Files() {
		if taken[f.Path] {
			clashes = append(clashes, f)
			continue
		}
		out = append(out, conv(f))
		paths[f.Path] = true
	}
	slices.SortFunc(out, func(x, y F) int { return strings.Compare(path(x), path(y)) })
	bs.mu.Lock()
	bs.paths = paths
	bs.mu.Unlock()
	return out, clashes, !maps.Equal(old, paths)
}
