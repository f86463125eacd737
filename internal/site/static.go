package site

import (
	"github.com/quire-docs/quire/internal/assets"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/publish"
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
	b.reportSkippedAssets(assets.Skipped(subdir(b.fsys, b.cfg.AssetDir), b.cfg.AssetDir), ds)
	return paths
}

// reportSkippedAssets warns about each asset link in skipped, or, when the
// site's layouts name it in a string ({{ index .Site.Assets "js/a.js" }},
// {{ resources.Get "js/a.js" }}), reports an error at each such place: a
// template that asks for a file that is not there is broken.
func (b *builder) reportSkippedAssets(skipped []assets.Link, ds *diag.List) {
	if len(skipped) == 0 {
		return
	}
	byName := make(map[string]assets.Link, len(skipped))
	for _, l := range skipped {
		byName[l.Name] = l
	}
	used := map[string]bool{}
	for _, ref := range layout.Strings(subdir(b.fsys, b.cfg.LayoutDir), b.cfg.LayoutDir, byName) {
		l := byName[ref.Text]
		used[l.Name] = true
		what := "a symbolic link to a directory"
		if !l.Dir {
			what = "a dangling symbolic link to " + l.Target
		}
		ds.Add(diag.Errorf(ref.File, ref.Line, ref.Col, "asset %s is not there: %s is %s", l.Name, l.File, what).
			WithHint("create the file the link points to (a Hugo site may need its node_modules installed), or remove the reference"))
	}
	for _, l := range skipped {
		if !used[l.Name] {
			ds.Add(l.Warning())
		}
	}
}
