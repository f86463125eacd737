package layout

import (
	"fmt"

	"github.com/quire-docs/quire/internal/funcs"
)

// Eq reports whether p and other are the same page, as Hugo's .Eq.
func (p *Page) Eq(other *Page) bool { return p != nil && p == other }

// IsAncestor reports whether p is a strict ancestor of other (its parent,
// grandparent, ...), as Hugo's .IsAncestor.
func (p *Page) IsAncestor(other *Page) bool {
	if p == nil || other == nil {
		return false
	}
	for a, n := other.Parent, 0; a != nil && n < maxDepth; a, n = a.Parent, n+1 {
		if a == p {
			return true
		}
	}
	return false
}

// IsDescendant reports whether p is a strict descendant of other.
func (p *Page) IsDescendant(other *Page) bool { return other.IsAncestor(p) }

// Ancestors returns p's parents, nearest first, as Hugo's .Ancestors.
func (p *Page) Ancestors() []*Page {
	if p == nil {
		return nil
	}
	var out []*Page
	for a := p.Parent; a != nil && len(out) < maxDepth; a = a.Parent {
		out = append(out, a)
	}
	return out
}

// Breadcrumbs returns p's ancestors from the home page down to p's parent;
// empty for the home page.
func (p *Page) Breadcrumbs() []*Page {
	a := p.Ancestors()
	for i, j := 0, len(a)-1; i < j; i, j = i+1, j-1 {
		a[i], a[j] = a[j], a[i]
	}
	return a
}

// maxDepth stops walks up a Parent chain that loops by mistake.
const maxDepth = 1000

// Param returns the page's param key, else the site's, as Hugo's .Param:
// the key is a dotted path ("grpc_vers.go") matched case-insensitively.
// It is nil when neither has the key.
func (p *Page) Param(key any) (any, error) {
	k, ok := key.(string)
	if !ok {
		return nil, fmt.Errorf("Param wants a string key, not %T", key)
	}
	if p == nil {
		return nil, nil
	}
	if v, ok := funcs.LookupParam(p.Params, k); ok && v != nil {
		return v, nil
	}
	if p.Site != nil {
		if v, ok := funcs.LookupParam(p.Site.Params, k); ok {
			return v, nil
		}
	}
	return nil, nil
}
