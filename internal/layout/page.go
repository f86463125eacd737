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

// NavList is one level of a sidebar: a window of a section's children, and
// how many of them it leaves out on either side.
type NavList struct {
	Pages  []*Page // shown, in the section's order
	Before int     // children left out before Pages
	After  int     // children left out after Pages
}

// NavList returns at most limit of p's children (all of them when limit is
// 0 or less): a window centred on the child that is current or an ancestor
// of current, clamped to the ends; the first children when no child is on
// the way to current. A sidebar that lists every sibling of every page
// writes pages × siblings links in all, which grows with the square of a
// large section; with a window each page's sidebar stays bounded.
func (p *Page) NavList(current *Page, limit int) NavList {
	if p == nil {
		return NavList{}
	}
	kids := p.Pages
	if limit <= 0 || len(kids) <= limit {
		return NavList{Pages: kids}
	}
	// The child on the way to current, found by walking up from current
	// rather than asking each child: O(depth), then one scan for its index.
	on := current
	for n := 0; on != nil && on.Parent != p && n < maxDepth; n++ {
		on = on.Parent
	}
	start := 0
	if on != nil && on.Parent == p {
		for i, k := range kids {
			if k == on {
				start = min(max(0, i-limit/2), len(kids)-limit)
				break
			}
		}
	}
	return NavList{Pages: kids[start : start+limit], Before: start, After: len(kids) - start - limit}
}
