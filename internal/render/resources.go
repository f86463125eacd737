package render

import (
	"html/template"
	"io/fs"
	"path"
	"strings"

	"github.com/quire-docs/quire/internal/assets"
	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/minify"
	"github.com/quire-docs/quire/internal/resources"
	"github.com/quire-docs/quire/internal/sitefs"
)

// ResourceStore returns the store of the build being rendered: quire
// serve's quick rebuild renders with the same templates as the full build
// it starts from, but publishes through a store of its own.
type ResourceStore func() *resources.Store

// resourceFuncs are Hugo's resources namespace, fingerprint and minify,
// for shortcode templates, through the build's store.
func resourceFuncs(store ResourceStore) template.FuncMap {
	ns := layout.ResourcesNS{Store: store}
	return template.FuncMap{
		"resources":   func() layout.ResourcesNS { return ns },
		"fingerprint": ns.Fingerprint,
		"minify":      ns.Minify,
	}
}

// siteResources is .Site.Resources: store, and the bundle files of tree's
// pages.
func siteResources(tree *content.Site, store ResourceStore) *layout.Resources {
	return &layout.Resources{
		Store:  store,
		Bundle: func(file string) []resources.BundleFile { return bundleFiles(tree, file) },
	}
}

// bundleFiles are the files of the bundle of the page whose source is
// file, as the build copies them: beside its index.md, in any
// subdirectory; beside its _index.md, in its own directory only; named by
// their path in it.
func bundleFiles(tree *content.Site, file string) []resources.BundleFile {
	base := path.Base(file)
	leaf := strings.HasPrefix(base, "index.")
	if !leaf && !strings.HasPrefix(base, "_index.") || tree == nil {
		return nil
	}
	dir := path.Dir(file) + "/"
	var out []resources.BundleFile
	for _, sf := range tree.Static {
		name, ok := strings.CutPrefix(sf.File, dir)
		if !ok || !leaf && strings.Contains(name, "/") {
			continue
		}
		out = append(out, resources.BundleFile{Name: name, Source: sf.File, OutPath: sf.OutPath})
	}
	return out
}

// ResourceOptions are the options of a build's resources store
// (resources.Builds.Begin) for a site of configuration cfg rooted at
// fsys: its assets are published where table says, processed images are
// kept in cache (nil: none), and Hugo's minify of a resource minifies
// whether or not the site's minify setting is on.
func ResourceOptions(cfg config.Config, fsys fs.FS, table map[string]assets.Asset, cache resources.Cache) resources.Options {
	urls := make(map[string]string, len(table))
	for name, a := range table {
		urls[name] = a.RelPermalink
	}
	return resources.Options{
		Assets:    sitefs.Dir(fsys, cfg.AssetDir),
		AssetDir:  cfg.AssetDir,
		AssetURLs: urls,
		Files:     fsys,
		BaseURL:   cfg.BaseURL,
		BasePath:  cfg.BasePath(),
		Cache:     cache,
		Minify:    minify.New().File,
	}
}
