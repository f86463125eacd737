package layout

import (
	"fmt"
	"html/template"
	"regexp"

	"github.com/quire-docs/quire/internal/resources"
)

// Resources is what templates reach resources through (.Site.Resources):
// the build's store, and each page's bundle files.
type Resources struct {
	// Store returns the store of the build being rendered.
	Store func() *resources.Store
	// Bundle returns the files of the bundle of the page whose source is
	// file ("content/post/index.md"); none for a page that is no bundle.
	Bundle func(file string) []resources.BundleFile
}

// Resources is Hugo's .Resources: the files of the page's bundle.
func (p *Page) Resources() resources.Resources {
	if p == nil || p.Site == nil || p.Site.Resources == nil {
		return nil
	}
	rs := p.Site.Resources
	if rs.Store == nil || rs.Store() == nil || rs.Bundle == nil {
		return nil
	}
	return rs.Store().Bundle(rs.Bundle(p.File))
}

// resourceFuncs are Hugo's resources namespace, fingerprint and minify,
// through the store of the site d's set is rendering.
func resourceFuncs(d *depth) template.FuncMap {
	ns := ResourcesNS{Store: func() *resources.Store {
		if s := siteOf(d); s != nil && s.Resources != nil && s.Resources.Store != nil {
			return s.Resources.Store()
		}
		return nil
	}}
	return template.FuncMap{
		"resources":   func() ResourcesNS { return ns },
		"fingerprint": ns.Fingerprint,
		"minify":      ns.Minify,
	}
}

// ResourcesNS is Hugo's resources namespace.
type ResourcesNS struct{ Store func() *resources.Store }

func (ns ResourcesNS) store() (*resources.Store, error) {
	if ns.Store == nil || ns.Store() == nil {
		return nil, fmt.Errorf("resources: not available here")
	}
	return ns.Store(), nil
}

// Get returns the file of the assets directory, or nil.
func (ns ResourcesNS) Get(name string) (*resources.Resource, error) {
	s, err := ns.store()
	if err != nil {
		return nil, err
	}
	return s.Get(name)
}

// GetMatch returns the first file of the assets directory matching the
// glob, or nil.
func (ns ResourcesNS) GetMatch(pattern string) (*resources.Resource, error) {
	s, err := ns.store()
	if err != nil {
		return nil, err
	}
	return s.GetMatch(pattern)
}

// Match returns the files of the assets directory matching the glob.
func (ns ResourcesNS) Match(pattern string) ([]*resources.Resource, error) {
	s, err := ns.store()
	if err != nil {
		return nil, err
	}
	return s.Match(pattern)
}

// Fingerprint is Hugo's fingerprint: [ALGO] RESOURCE, so that it ends a
// pipeline: {{ $css := resources.Get "a.css" | fingerprint "sha512" }}.
func (ns ResourcesNS) Fingerprint(args ...any) (*resources.Resource, error) {
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
func (ns ResourcesNS) Minify(r *resources.Resource) (*resources.Resource, error) {
	if r == nil {
		return nil, fmt.Errorf("minify: no resource (resources.Get found no file?)")
	}
	return r.Minify()
}

// usesResources finds the names through which a template may make a
// resource. It errs on the safe side: a match in text that is no action
// only costs a page's memo.
var usesResources = regexp.MustCompile(`\bresources\b|\.Resources\b|\bfingerprint\b|\bminify\b`)

// UsesResources reports whether any template may publish a resource: its
// output must then be made in every build, never taken from a memo,
// since making it is what publishes the resource.
func (t *Templates) UsesResources() bool {
	for _, f := range t.files {
		if !f.embedded && usesResources.MatchString(f.text) {
			return true
		}
	}
	return false
}
