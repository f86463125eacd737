package layout

import (
	"reflect"
	"slices"
	"strings"
	"text/template/parse"

	"github.com/quire-docs/quire/internal/funcs"
)

// list walks the nodes of l with dot. Variables declared inside are
// forgotten at its end, as text/template scopes them.
func (a *analysis) list(l *parse.ListNode, dot aval) {
	if l == nil {
		return
	}
	mark := len(a.vars)
	for _, n := range l.Nodes {
		if a.reads {
			return
		}
		a.node(n, dot)
	}
	a.vars = a.vars[:mark]
}

func (a *analysis) node(n parse.Node, dot aval) {
	switch n := n.(type) {
	case *parse.ActionNode:
		v := a.pipe(n.Pipe, dot)
		if len(n.Pipe.Decl) == 0 && v.mayBePage() {
			// Printing a page prints its fields, its body among them.
			a.flag(n, "a page that may not be the one rendered, printed")
		}
	case *parse.IfNode:
		a.branch(&n.BranchNode, dot, false, false)
	case *parse.WithNode:
		a.branch(&n.BranchNode, dot, true, false)
	case *parse.RangeNode:
		a.branch(&n.BranchNode, dot, true, true)
	case *parse.TemplateNode:
		arg := unknown
		if n.Pipe != nil {
			arg = a.pipe(n.Pipe, dot)
		}
		a.template(n.Name, arg)
	case *parse.ListNode:
		a.list(n, dot)
	}
}

// branch walks an if, with or range. with and range set dot for the
// first list (range to an element of the pipeline's value).
func (a *analysis) branch(b *parse.BranchNode, dot aval, setsDot, isRange bool) {
	mark := len(a.vars)
	v := a.pipeNoDecl(b.Pipe, dot)
	inner := dot
	if setsDot {
		inner = v
	}
	if isRange {
		key, elem := rangeTypes(v)
		key.data, elem.data = v.data, v.data
		inner = elem
		switch len(b.Pipe.Decl) {
		case 1:
			a.declare(b.Pipe.Decl[0], elem)
		case 2:
			a.declare(b.Pipe.Decl[0], key)
			a.declare(b.Pipe.Decl[1], elem)
		}
	} else {
		for _, d := range b.Pipe.Decl {
			a.declare(d, v)
		}
	}
	a.list(b.List, inner)
	a.vars = a.vars[:mark]
	a.list(b.ElseList, dot)
}

// rangeTypes is the key and element of ranging over v.
func rangeTypes(v aval) (key, elem aval) {
	t := v.typ
	if t == nil {
		return unknown, unknown
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		return aval{typ: reflect.TypeFor[int]()}, aval{typ: t.Elem()}
	case reflect.Map:
		return aval{typ: t.Key()}, aval{typ: t.Elem()}
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint, reflect.Uint64:
		return aval{typ: t}, aval{typ: t}
	}
	return unknown, unknown
}

func (a *analysis) declare(v *parse.VariableNode, val aval) {
	a.vars = append(a.vars, variable{v.Ident[0], val})
}

// pipe evaluates p and assigns or declares its variables.
func (a *analysis) pipe(p *parse.PipeNode, dot aval) aval {
	v := a.pipeNoDecl(p, dot)
	for _, d := range p.Decl {
		if p.IsAssign {
			a.assign(d.Ident[0], v)
		} else {
			a.declare(d, v)
		}
	}
	return v
}

// assign records that the variable called name may now hold val too.
func (a *analysis) assign(name string, val aval) {
	for i := len(a.vars) - 1; i >= 0; i-- {
		if a.vars[i].name == name {
			a.vars[i].val = join(a.vars[i].val, val)
			return
		}
	}
}

func (a *analysis) lookupVar(name string) aval {
	for i := len(a.vars) - 1; i >= 0; i-- {
		if a.vars[i].name == name {
			return a.vars[i].val
		}
	}
	return unknown
}

func (a *analysis) pipeNoDecl(p *parse.PipeNode, dot aval) aval {
	if p == nil {
		return unknown
	}
	var final *aval
	v := unknown
	for _, c := range p.Cmds {
		v = a.command(c, dot, final)
		final = &v
	}
	return v
}

// command evaluates one command of a pipeline; final is the previous
// command's value, passed as the last argument, or nil.
func (a *analysis) command(c *parse.CommandNode, dot aval, final *aval) aval {
	if len(c.Args) == 0 {
		return unknown
	}
	args := make([]aval, 0, len(c.Args))
	for _, n := range c.Args[1:] {
		args = append(args, a.arg(n, dot))
	}
	if final != nil {
		args = append(args, *final)
	}
	if id, ok := c.Args[0].(*parse.IdentifierNode); ok {
		return a.call(id, c.Args[1:], args)
	}
	return a.arg(c.Args[0], dot) // a method's arguments were walked above
}

// arg evaluates a node in argument position.
func (a *analysis) arg(n parse.Node, dot aval) aval {
	switch n := n.(type) {
	case *parse.DotNode:
		return dot
	case *parse.FieldNode:
		return a.fields(n, dot, n.Ident)
	case *parse.VariableNode:
		return a.fields(n, a.lookupVar(n.Ident[0]), n.Ident[1:])
	case *parse.ChainNode:
		return a.fields(n, a.arg(n.Node, dot), n.Field)
	case *parse.PipeNode:
		return a.pipe(n, dot)
	case *parse.IdentifierNode:
		return a.call(n, nil, nil)
	case *parse.StringNode:
		return aval{typ: stringType}
	case *parse.BoolNode:
		return aval{typ: boolType}
	case *parse.NumberNode:
		return aval{typ: reflect.TypeFor[int]()}
	case *parse.NilNode:
		return aval{typ: reflect.TypeFor[*struct{}]()}
	}
	return unknown
}

// fields evaluates the field chain idents on v, flagging a body field
// read on anything that may be another page.
func (a *analysis) fields(n parse.Node, v aval, idents []string) aval {
	for _, id := range idents {
		if slices.Contains(BodyFields, id) && v.mayBePage() {
			a.flag(n, "."+id+" of a page that may not be the one rendered")
		}
		data := v.data || (id == "Params" && v.typ != nil && v.dict == nil) // front matter or config
		v = field(v, id)
		v.data = v.data || data
	}
	return v
}

// field is v.name: a struct field, a method's first result, a map entry.
func field(v aval, name string) aval {
	if v.dict != nil {
		if e, ok := v.dict[name]; ok {
			return e
		}
		return unknown
	}
	t := v.typ
	if t == nil {
		return unknown
	}
	if m, ok := t.MethodByName(name); ok {
		return result(m.Type)
	}
	if t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface {
		if m, ok := reflect.PointerTo(t).MethodByName(name); ok {
			return result(m.Type)
		}
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		if f, ok := t.FieldByName(name); ok {
			return aval{typ: f.Type}
		}
	case reflect.Map:
		return aval{typ: t.Elem()}
	}
	return unknown
}

// result is what a func or method of type ft returns first.
func result(ft reflect.Type) aval {
	if ft.NumOut() == 0 {
		return unknown
	}
	return aval{typ: ft.Out(0)}
}

// call evaluates a call of a func: partial, dict and the builtins the
// analysis must see through; any other func's result is of its declared
// type.
func (a *analysis) call(id *parse.IdentifierNode, nodes []parse.Node, args []aval) aval {
	switch id.Ident {
	case "partial", "partialCached":
		if len(nodes) == 0 {
			a.flag(id, "a partial with no name")
			return aval{typ: htmlType}
		}
		s, ok := nodes[0].(*parse.StringNode)
		if !ok {
			a.flag(id, "a partial whose name is not a constant")
			return aval{typ: htmlType}
		}
		ctx := unknown
		if len(args) > 1 {
			ctx = args[1]
		}
		a.template(partialName(s.Text), ctx)
		return aval{typ: htmlType}
	case "dict":
		d := map[string]aval{}
		for i := 0; i+1 < len(args); i += 2 {
			s, ok := nodeAt(nodes, i).(*parse.StringNode)
			if !ok {
				return aval{typ: reflect.TypeFor[map[string]any]()}
			}
			d[s.Text] = args[i+1]
		}
		return aval{dict: d}
	case "default", "and", "or":
		if len(args) == 0 {
			return unknown
		}
		v := args[0]
		for _, o := range args[1:] {
			v = join(v, o)
		}
		return v
	case "index":
		if len(args) == 0 {
			return unknown
		}
		v := args[0]
		for range args[1:] {
			_, v = rangeTypes(v)
		}
		return aval{typ: v.typ, data: args[0].data}
	case "slice":
		if len(args) == 0 {
			return unknown
		}
		return aval{typ: args[0].typ}
	case "not", "eq", "ne", "lt", "le", "gt", "ge":
		return aval{typ: boolType}
	case "len":
		return aval{typ: reflect.TypeFor[int]()}
	case "print", "printf", "println", "html", "js", "urlquery", "safeHTML", "relURL", "absURL",
		"T", "i18n": // a translation's text may print its context's .Content
		for i, v := range args {
			if v.mayBePage() {
				a.flag(nodeAt(nodes, i), "a page that may not be the one rendered, printed by "+id.Ident)
			}
		}
		if id.Ident == "safeHTML" {
			return aval{typ: htmlType}
		}
		return aval{typ: stringType}
	}
	fm := funcMap(nil, nil, funcs.Options{}, nil)
	if f, ok := fm[id.Ident]; ok {
		return result(reflect.TypeOf(f))
	}
	return unknown
}

func nodeAt(nodes []parse.Node, i int) parse.Node {
	if i < len(nodes) {
		return nodes[i]
	}
	return nil
}

// partialName is the set's name of the partial called name, as partial
// looks it up.
func partialName(name string) string {
	full := strings.TrimPrefix(name, "partials/")
	if !strings.Contains(full, ".") {
		full += ".html"
	}
	return "partials/" + full
}
