package layout

import (
	"fmt"
	"html/template"
	"maps"
	"reflect"
	"slices"
	"strings"
	"text/template/parse"
)

// BodyFields are the fields of Page that are made from its body (rendered
// markdown) rather than from its front matter and place in the site. A
// page's output depends on another page's body only through these; see
// ReadsOtherBodies. A method of Page that reads any of them must be added
// here too.
var BodyFields = []string{"Content", "TableOfContents", "TOC", "Summary", "JSONLD", "HasMath", "HasMermaid"}

// ReadsOtherBodies reports whether rendering p may read the body fields
// (BodyFields) of a page other than p itself: a list that shows each
// child's .Summary, or .Site.Home.Content. When it reports false, p's
// output depends only on p's own body and on the rest of the site's
// front matter and structure, which lets a rebuild reuse p's output when
// another page's body changes.
//
// The answer comes from reading the templates, not from running them, and
// errs on the side of true: a body field read on anything that may be
// another page (a range over pages, a variable, a value of unknown type,
// a partial whose name is not a constant) counts. why names the first
// such place ("theme/layouts/_default/list.html:12: .Summary"), or is ""
// when the answer is false.
func (t *Templates) ReadsOtherBodies(p *Page) (reads bool, why string) {
	return t.readsOtherBodies(t.mainFor(p))
}

// OnlyOwnBodies reports whether no page's main template reads another
// page's body fields (see ReadsOtherBodies), whatever its kind and type.
func (t *Templates) OnlyOwnBodies() bool {
	for _, n := range names(t.files) {
		if isMain(n) && n != baseofName && n != notFoundName {
			if reads, _ := t.readsOtherBodies(n); reads {
				return false
			}
		}
	}
	return true
}

type bodyReads struct {
	reads bool
	why   string
}

func (t *Templates) readsOtherBodies(main string) (bool, string) {
	if v, ok := t.deps.Load(main); ok {
		r := v.(bodyReads)
		return r.reads, r.why
	}
	r := t.analyse(main)
	t.deps.Store(main, r)
	return r.reads, r.why
}

// analyse walks the set of main from its entry point with the page being
// rendered as dot.
func (t *Templates) analyse(main string) bodyReads {
	set, err := t.buildOne(main, "", &depth{})
	if err != nil {
		return bodyReads{true, err.Error()}
	}
	a := &analysis{t: t, set: set, done: map[string]bool{}}
	root := aval{typ: pageType, root: true}
	a.template(set.Name(), root)
	return bodyReads{a.reads, a.why}
}

var (
	pageType   = reflect.TypeFor[*Page]()
	stringType = reflect.TypeFor[string]()
	boolType   = reflect.TypeFor[bool]()
	htmlType   = reflect.TypeFor[template.HTML]()
)

// aval is what the analysis knows of a value: its Go type (nil when
// unknown: an interface, a func result of type any), whether it is the
// page being rendered, and for a dict with constant keys its entries.
type aval struct {
	typ  reflect.Type
	root bool
	dict map[string]aval
	// data: the value comes out of front matter or config params (values
	// YAML, TOML and JSON decode to), so it holds no page whatever its
	// static type says.
	data bool
}

var unknown = aval{}

func (v aval) key() string {
	var b strings.Builder
	v.write(&b)
	return b.String()
}

func (v aval) write(b *strings.Builder) {
	switch {
	case v.dict != nil:
		b.WriteString("dict{")
		for _, k := range slices.Sorted(maps.Keys(v.dict)) {
			b.WriteString(k)
			b.WriteByte(':')
			v.dict[k].write(b)
			b.WriteByte(',')
		}
		b.WriteByte('}')
	case v.typ == nil:
		b.WriteString("?")
	default:
		b.WriteString(v.typ.String())
	}
	if v.root {
		b.WriteString("@root")
	}
	if v.data {
		b.WriteString("@data")
	}
}

// mayBePage reports whether v may hold a page other than the root.
func (v aval) mayBePage() bool {
	if v.root || v.dict != nil || v.data {
		return false
	}
	if v.typ == nil || v.typ.Kind() == reflect.Interface {
		return true
	}
	t := v.typ
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t == pageType.Elem()
}

// join is what the analysis knows of a value that is either a or b.
func join(a, b aval) aval {
	if a.typ == b.typ && a.dict == nil && b.dict == nil {
		return aval{typ: a.typ, root: a.root && b.root, data: a.data && b.data}
	}
	return aval{data: a.plain() && b.plain()}
}

// plain reports whether v can hold no page at any depth.
func (v aval) plain() bool {
	if v.data {
		return true
	}
	if v.typ == nil || v.dict != nil {
		return false
	}
	return !holdsPages(v.typ, map[reflect.Type]bool{})
}

// holdsPages reports whether a value of type t may hold a page.
func holdsPages(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Interface:
		return true
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return t == pageType || holdsPages(t.Elem(), seen)
	case reflect.Map:
		return holdsPages(t.Key(), seen) || holdsPages(t.Elem(), seen)
	case reflect.Struct:
		if t == pageType.Elem() {
			return true
		}
		for i := range t.NumField() {
			if holdsPages(t.Field(i).Type, seen) {
				return true
			}
		}
	}
	return false
}

// analysis is one walk of a template set.
type analysis struct {
	t     *Templates
	set   *template.Template
	done  map[string]bool // template name + dot, walked or being walked
	vars  []variable
	reads bool
	why   string
	tree  *parse.Tree // of the template being walked, for why
}

type variable struct {
	name string
	val  aval
}

func (a *analysis) flag(n parse.Node, what string) {
	if a.reads {
		return
	}
	a.reads = true
	file, line := "", ""
	if a.tree != nil {
		file = a.tree.ParseName
		if f, ok := a.t.files[file]; ok {
			file = f.display
		}
		if n != nil {
			loc, _ := a.tree.ErrorContext(n) // "name:line:col"
			if parts := strings.Split(loc, ":"); len(parts) >= 3 {
				line = parts[len(parts)-2]
			}
		}
	}
	a.why = fmt.Sprintf("%s:%s: %s", file, line, what)
}

// template walks the template called name with dot.
func (a *analysis) template(name string, dot aval) {
	key := name + "\x00" + dot.key()
	if a.done[key] || a.reads {
		return
	}
	a.done[key] = true
	tt := a.set.Lookup(name)
	if tt == nil || tt.Tree == nil || tt.Tree.Root == nil {
		return
	}
	saveTree, saveVars := a.tree, a.vars
	a.tree, a.vars = tt.Tree, []variable{{"$", dot}}
	a.list(tt.Tree.Root, dot)
	a.tree, a.vars = saveTree, saveVars
}
