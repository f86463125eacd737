package site

import (
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/quire-docs/quire/internal/assets"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/minify"
	"github.com/quire-docs/quire/internal/publish"
	"github.com/quire-docs/quire/internal/resources"
)

// resourceState is the resources store templates publish through. A
// full build and the quick rebuilds that follow it share one (the
// shortcode templates hold its getter); each build puts a new store in
// it before pages render, so what a build publishes is its own.
type resourceState struct {
	mu    sync.Mutex
	store *resources.Store
	paths map[string]bool   // what the last build that finished published
	urls  map[string]string // the assets' URLs, by name, for the next store
	min   *minify.Minifier  // made when a template first asks for minify
}

// minify is Hugo's minify of a resource: it minifies whether or not the
// site's minify setting is on, as Hugo's does.
func (rs *resourceState) minify(name string, data []byte) ([]byte, error) {
	rs.mu.Lock()
	if rs.min == nil {
		rs.min = minify.New()
	}
	m := rs.min
	rs.mu.Unlock()
	return m.File(name, data)
}

func (rs *resourceState) get() *resources.Store {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	return rs.store
}

// newStore puts a new store for this build in b.res.
func (b *builder) newStore(table map[string]assets.Asset) {
	urls := make(map[string]string, len(table))
	for name, a := range table {
		urls[name] = a.RelPermalink
	}
	b.res.urls = urls
	b.renewStore()
}

// renewStore puts a new store in b.res, for a build whose assets are
// those of the last.
func (b *builder) renewStore() {
	s := resources.New(resources.Options{
		Assets:    subdir(b.fsys, b.cfg.AssetDir),
		AssetDir:  b.cfg.AssetDir,
		AssetURLs: b.res.urls,
		Files:     b.fsys,
		BaseURL:   b.cfg.BaseURL,
		BasePath:  b.cfg.BasePath(),
		Cache:     b.opts.Resources,
		Minify:    b.res.minify,
	})
	b.res.mu.Lock()
	b.res.store = s
	b.res.mu.Unlock()
}

// addResources adds what the build's templates published to its outputs,
// where a collision with any other file is caught.
func (b *builder) addResources() {
	files := b.res.get().Files()
	paths := make(map[string]bool, len(files))
	for _, f := range files {
		b.out.Add(publish.Real, publish.File(f))
		paths[f.Path] = true
	}
	b.res.paths = paths
}

// quickResources replaces, in files, what the last build's templates
// published with what this one's did. A new file at a path another file
// holds is an error: the next build is a full one, which names both.
// When the paths changed, the links are checked anew over every file: the
// last build's link check does not know the new ones.
func (b *builder) quickResources(files []publish.File, ds *diag.List) []publish.File {
	old := b.res.paths
	kept := files[:0:0]
	taken := map[string]bool{}
	for _, f := range files {
		if !old[f.Path] {
			kept = append(kept, f)
			taken[f.Path] = true
		}
	}
	made := b.res.get().Files()
	paths := make(map[string]bool, len(made))
	for _, f := range made {
		if taken[f.Path] {
			ds.Add(diag.Errorf(f.Source, 0, 0, "a resource made %s, which another file of the site already is", f.Path).
				WithHint("save the file again: the next build is a full one, which names both"))
			continue
		}
		kept = append(kept, publish.File(f))
		paths[f.Path] = true
	}
	slices.SortFunc(kept, func(x, y publish.File) int { return strings.Compare(x.Path, y.Path) })
	if !maps.Equal(old, paths) {
		b.snap.checked = nil
	}
	b.res.paths = paths
	return kept
}
