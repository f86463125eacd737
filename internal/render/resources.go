package render

import (
	"html/template"
	"path"
	"strings"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/resources"
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
