package site

import (
	"github.com/quire-docs/quire/internal/assets"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/publish"
	"github.com/quire-docs/quire/internal/sitefs"
)

// addStaticDirs publishes Hugo's static directories (staticDir) verbatim
// at the output root, each file a Real output, so that a static file and
// a page at one path are an error naming both. It reports the symbolic
// links left out of them and of the assets directory: a warning naming
// the link and its target, unless a site layout names the asset, which is
// then an error at each place that names it. It returns the static files'
// output paths, for render.NewLinks.
func (b *builder) addStaticDirs(ds *diag.List) []string {
	files, skipped, err := assets.Static(assets.StaticOptions{FS: b.fsys, Dirs: b.cfg.StaticDirs, AllowDotPaths: b.cfg.Publish.AllowDotPaths})
	ds.AddError("", err) // each error starts with its file's path
	paths := make([]string, len(files))
	for i, f := range files {
		b.out.Add(publish.Real, f)
		paths[i] = f.Path
	}
	for _, l := range skipped {
		ds.Add(l.Warning())
	}
	if links := assets.Skipped(sitefs.Dir(b.fsys, b.cfg.AssetDir), b.cfg.AssetDir); len(links) > 0 {
		*ds = append(*ds, layout.SkippedAssets(sitefs.Dir(b.fsys, b.cfg.LayoutDir), b.cfg.LayoutDir, links)...)
	}
	return paths
}
