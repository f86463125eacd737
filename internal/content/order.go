package content

import (
	"sort"
	"strings"
)

// sortTree orders every section's children: by weight ascending with
// negative weights first and 0 (unset) last; then by date, newest first,
// dated before undated; then by link title, case-insensitively; then by
// source path. A subsection is ordered by its section page's front matter.
func sortTree(sec *Page) {
	sort.SliceStable(sec.Children, func(i, j int) bool { return less(sec.Children[i], sec.Children[j]) })
	for _, c := range sec.Children {
		if c.Kind == KindSection {
			sortTree(c)
		}
	}
}

// less is the reading order of two siblings.
func less(a, b *Page) bool {
	if (a.Weight == 0) != (b.Weight == 0) {
		return a.Weight != 0
	}
	if a.Weight != b.Weight {
		return a.Weight < b.Weight
	}
	if a.Date.IsZero() != b.Date.IsZero() {
		return !a.Date.IsZero()
	}
	if !a.Date.Equal(b.Date) {
		return a.Date.After(b.Date)
	}
	if at, bt := strings.ToLower(linkTitle(a)), strings.ToLower(linkTitle(b)); at != bt {
		return at < bt
	}
	return a.Path < b.Path
}

func linkTitle(p *Page) string {
	if p.LinkTitle != "" {
		return p.LinkTitle
	}
	return p.Title
}

// readingOrder lists home and then every page depth-first (a section, then
// its children in order), and links Prev and Next along that list,
// through the pages in the site-wide lists (see linkOrder).
func readingOrder(home *Page) []*Page {
	var out []*Page
	var walk func(p *Page)
	walk = func(p *Page) {
		out = append(out, p)
		if p.Kind == KindPage {
			return
		}
		for _, c := range p.Children {
			walk(c)
		}
	}
	walk(home)
	linkOrder(out)
	return out
}
