package layout

import (
	"fmt"
	"reflect"
	"strings"
	"text/template/parse"

	"github.com/quire-docs/quire/internal/funcs"
)

// needs returns what the site's template file name asks of Hugo that
// quire does not have, as far as its text shows: partials called by a
// literal name that no file has, and fields of the page or site (where
// dot is the page, outside with and range) that Page and Site lack.
func (t *Templates) needs(name string) []string {
	f, ok := t.files[name]
	if !ok || f.embedded {
		return nil
	}
	trees, err := parse.Parse(name, f.text, "", "", map[string]any(funcMap(nil, nil, funcs.Options{}, nil)), builtinNames())
	if err != nil {
		return nil
	}
	s := &needScan{t: t, seen: map[string]bool{}}
	for _, tree := range trees {
		s.list(tree.Root, true)
	}
	return s.out
}

// builtinNames stands for text/template's own functions, which parse
// does not know of, so that parsing succeeds; they are never called.
func builtinNames() map[string]any {
	m := map[string]any{}
	for _, name := range strings.Fields("and call html index js len not or print printf println urlquery eq ge gt le lt ne slice") {
		m[name] = func(...any) any { return nil }
	}
	return m
}

type needScan struct {
	t    *Templates
	seen map[string]bool
	out  []string
}

func (s *needScan) add(what string) {
	if !s.seen[what] {
		s.seen[what] = true
		s.out = append(s.out, what)
	}
}

// list walks l; page says dot is the page being rendered.
func (s *needScan) list(l *parse.ListNode, page bool) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			s.pipe(n.Pipe, page)
		case *parse.IfNode:
			s.pipe(n.Pipe, page)
			s.list(n.List, page)
			s.list(n.ElseList, page)
		case *parse.WithNode:
			s.pipe(n.Pipe, page)
			s.list(n.List, false)
			s.list(n.ElseList, page)
		case *parse.RangeNode:
			s.pipe(n.Pipe, page)
			s.list(n.List, false)
			s.list(n.ElseList, page)
		case *parse.TemplateNode:
			s.pipe(n.Pipe, page)
		case *parse.ListNode:
			s.list(n, page)
		}
	}
}

func (s *needScan) pipe(p *parse.PipeNode, page bool) {
	if p == nil {
		return
	}
	for _, c := range p.Cmds {
		for i, arg := range c.Args {
			switch a := arg.(type) {
			case *parse.FieldNode:
				if page {
					s.fields("Page", a.Ident)
				}
			case *parse.ChainNode:
				if id, ok := a.Node.(*parse.IdentifierNode); ok && id.Ident == "site" {
					s.fields("Site", a.Field)
				}
			case *parse.IdentifierNode:
				if (a.Ident == "partial" || a.Ident == "partialCached") && i == 0 && len(c.Args) > 1 {
					if lit, ok := c.Args[1].(*parse.StringNode); ok {
						s.partial(lit.Text)
					}
				}
			case *parse.PipeNode:
				s.pipe(a, page)
			}
		}
	}
}

// fields notes the first of idents, on quire's Page (owner "Page") or
// Site, that quire's type lacks and Hugo's has; .Site leads from the page
// to the site.
func (s *needScan) fields(owner string, idents []string) {
	if len(idents) == 0 {
		return
	}
	typ := reflect.TypeFor[*Page]()
	prefix := ""
	if owner == "Site" {
		typ, prefix = reflect.TypeFor[*Site](), ".Site"
	}
	id := idents[0]
	if _, ok := typ.MethodByName(id); ok {
		return
	}
	if _, ok := typ.Elem().FieldByName(id); ok {
		if owner == "Page" && id == "Site" {
			s.fields("Site", idents[1:])
		}
		return
	}
	if hugoHas(owner, id) {
		s.add(prefix + "." + id)
	}
}

// partial notes a partial that no file has, by Hugo's lookup.
func (s *needScan) partial(name string) {
	full := strings.TrimPrefix(name, "partials/")
	if !strings.Contains(full, ".") {
		full += ".html"
	}
	if _, ok := s.t.files["partials/"+full]; !ok {
		s.add(fmt.Sprintf("partial %q", name))
	}
}
