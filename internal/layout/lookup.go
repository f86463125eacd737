package layout

import "strings"

// homeName is the home page's own main template, tried before list.html.
const homeName = "index.html"

// lookup returns the main template files that may render p, most specific
// first, as Hugo looks them up:
//
//	page:    TYPE/single.html, SECTION/single.html, _default/single.html
//	section: TYPE/list.html,   SECTION/list.html,   _default/list.html
//	home:    index.html, _default/list.html
//
// Any other kind is looked up as a section. A TYPE or SECTION that could
// not name a top-level layouts directory of its own (empty, "partials",
// holding a slash or dots only) is skipped.
func lookup(p *Page) []string {
	if p.IsHome() {
		return []string{homeName, listName}
	}
	base := "list.html"
	if p.IsPage() {
		base = "single.html"
	}
	out := make([]string, 0, 3)
	for _, dir := range []string{p.Type, p.Section} {
		if !layoutDir(dir) {
			continue
		}
		n := dir + "/" + base
		if len(out) == 0 || out[len(out)-1] != n {
			out = append(out, n)
		}
	}
	return append(out, "_default/"+base)
}

// mainFor returns the first file of lookup(p) that exists. The _default
// files always exist (checkSyntax makes sure), so the result is never "".
func (t *Templates) mainFor(p *Page) string {
	k := mainKey{p.Kind, p.Type, p.Section}
	if v, ok := t.mains.Load(k); ok {
		return v.(string)
	}
	m := t.findMain(p)
	t.mains.Store(k, m)
	return m
}

// mainKey is what lookup reads of a page.
type mainKey struct{ kind, typ, section string }

func (t *Templates) findMain(p *Page) string {
	order := lookup(p)
	for _, n := range order {
		if _, ok := t.files[n]; ok {
			return n
		}
	}
	return order[len(order)-1]
}

// isMain reports whether the file named n (a path inside layouts/) is a
// main template, which gets a set of its own, rather than a shared file
// parsed into every set: baseof, 404.html, index.html and DIR/single.html
// or DIR/list.html for a top-level DIR other than partials.
func isMain(n string) bool {
	switch n {
	case baseofName, notFoundName, homeName:
		return true
	}
	dir, base, ok := strings.Cut(n, "/")
	return ok && layoutDir(dir) && (base == "single.html" || base == "list.html")
}

// layoutDir reports whether a page type or section name can name a
// top-level layouts directory holding main templates.
func layoutDir(name string) bool {
	return name != "" && name != "partials" && strings.Trim(name, ".") != "" && !strings.ContainsAny(name, `/\`)
}
