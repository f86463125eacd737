package render

import (
	"fmt"
	"html/template"
	"path"
	"strings"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/resources"
)

// ResourceStore returns the store of the build being rendered: quire
// serve's quick rebuild renders with the same shortcode templates as the
// full build it starts from, but publishes through a store of its own.
type ResourceStore func() *resources.Store

// resourceFuncs are Hugo's resources namespace, fingerprint and minify,
// for shortcode templates. They are only there: pages with shortcodes are
// rendered anew in every build, so what they publish is always the
// build's, while a layout's output is memoised by keys that do not cover
// the files resources read.
func resourceFuncs(store ResourceStore) template.FuncMap {
	ns := resourcesNS{store: store}
	return template.FuncMap{
		"resources":   func() resourcesNS { return ns },
		"fingerprint": ns.Fingerprint,
		"minify":      ns.Minify,
	}
}

// resourcesNS is Hugo's resources namespace.
type resourcesNS struct{ store ResourceStore }

func (ns resourcesNS) get() (*resources.Store, error) {
	if ns.store == nil || ns.store() == nil {
		return nil, fmt.Errorf("resources: not available here")
	}
	return ns.store(), nil
}

// Get returns the file of the assets directory, or nil.
func (ns resourcesNS) Get(name string) (*resources.Resource, error) {
	s, err := ns.get()
	if err != nil {
		return nil, err
	}
	return s.Get(name)
}

// GetMatch returns the first file of the assets directory matching the
// glob, or nil.
func (ns resourcesNS) GetMatch(pattern string) (*resources.Resource, error) {
	s, err := ns.get()
	if err != nil {
		return nil, err
	}
	return s.GetMatch(pattern)
}

// Match returns the files of the assets directory matching the glob.
func (ns resourcesNS) Match(pattern string) ([]*resources.Resource, error) {
	s, err := ns.get()
	if err != nil {
		return nil, err
	}
	return s.Match(pattern)
}

// Fingerprint is Hugo's fingerprint: [ALGO] RESOURCE, so that it ends a
// pipeline: {{ $css := resources.Get "a.css" | fingerprint "sha512" }}.
func (ns resourcesNS) Fingerprint(args ...any) (*resources.Resource, error) {
	algo := ""
	switch len(args) {
	case 1:
	case 2:
		a, ok := args[0].(string)
		if !ok {
			return nil, fmt.Errorf("fingerprint: the algorithm is %T, want a string", args[0])
		}
		algo = a
	default:
		return nil, fmt.Errorf("fingerprint: want [ALGORITHM] RESOURCE, got %d arguments", len(args))
	}
	r, ok := args[len(args)-1].(*resources.Resource)
	if !ok || r == nil {
		return nil, fmt.Errorf("fingerprint: want a resource, got %T", args[len(args)-1])
	}
	return r.Fingerprint(algo)
}

// Minify is Hugo's minify of a resource.
func (ns resourcesNS) Minify(r *resources.Resource) (*resources.Resource, error) {
	if r == nil {
		return nil, fmt.Errorf("minify: no resource (resources.Get found no file?)")
	}
	return r.Minify()
}

// Resources is Hugo's .Page.Resources: the files of the page's bundle
// (beside its index.md, in any subdirectory; beside its _index.md, in its
// own directory only), named by their path in it.
func (sp *scPage) Resources() resources.Resources {
	get := sp.r.opts.Resources
	if get == nil || get() == nil {
		return nil
	}
	return get().Bundle(bundleFiles(sp.r.opts.Tree, sp.p))
}

// bundleFiles are the files of p's bundle as the build copies them.
func bundleFiles(tree *content.Site, p *content.Page) []resources.BundleFile {
	base := path.Base(p.File)
	leaf := strings.HasPrefix(base, "index.")
	if !leaf && !strings.HasPrefix(base, "_index.") || tree == nil {
		return nil
	}
	dir := path.Dir(p.File) + "/"
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
