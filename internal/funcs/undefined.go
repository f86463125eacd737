package funcs

import (
	"fmt"
	"html/template"
	"maps"
	"reflect"
	"slices"
	"strings"
	"text/template/parse"
)

// builtins are text/template's own functions, defined in every set.
var builtins = map[string]bool{
	"and": true, "call": true, "html": true, "index": true, "slice": true, "js": true, "len": true,
	"not": true, "or": true, "print": true, "printf": true, "println": true, "urlquery": true,
	"eq": true, "ge": true, "gt": true, "le": true, "lt": true, "ne": true,
}

// Undefined lists the functions a template calls that its func map lacks.
type Undefined struct {
	Names     []string // sorted, each once: "where", "strings.Foo"
	Line, Col int      // 1-based position of the first use in the text
}

// FindUndefined parses text (a template file: its {{ define }}s
// included) and returns every function it calls that fm, a
// namespace's methods (strings.ToLower) or text/template's builtins do not
// define. It returns nil when all are defined, or when text has a syntax
// error of another kind (the parser reports that).
func FindUndefined(text string, fm template.FuncMap) *Undefined {
	trees := map[string]*parse.Tree{}
	t := parse.New("check")
	t.Mode = parse.SkipFuncCheck
	if _, err := t.Parse(text, "", "", trees); err != nil {
		return nil
	}
	u := &Undefined{}
	first := -1
	add := func(name string, pos parse.Pos) {
		if !slices.Contains(u.Names, name) {
			u.Names = append(u.Names, name)
		}
		if first < 0 || int(pos) < first {
			first = int(pos)
		}
	}
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n == nil {
				return
			}
			for _, c := range n.Nodes {
				walk(c)
			}
		case *parse.ActionNode:
			walk(n.Pipe)
		case *parse.IfNode:
			walkBranch(&n.BranchNode, walk)
		case *parse.RangeNode:
			walkBranch(&n.BranchNode, walk)
		case *parse.WithNode:
			walkBranch(&n.BranchNode, walk)
		case *parse.TemplateNode:
			walk(n.Pipe)
		case *parse.PipeNode:
			if n == nil {
				return
			}
			for _, c := range n.Cmds {
				walk(c)
			}
		case *parse.CommandNode:
			for _, a := range n.Args {
				walk(a)
			}
		case *parse.IdentifierNode:
			if !defined(n.Ident, fm) {
				add(n.Ident, n.Pos)
			}
		case *parse.ChainNode:
			if id, ok := n.Node.(*parse.IdentifierNode); ok && len(n.Field) > 0 {
				if !defined(id.Ident, fm) {
					add(id.Ident, id.Pos)
				} else if missing := missingMethod(fm[id.Ident], n.Field[0]); missing {
					add(id.Ident+"."+n.Field[0], id.Pos)
				}
				return
			}
			walk(n.Node)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(trees)) {
		walk(trees[name].Root)
	}
	if len(u.Names) == 0 {
		return nil
	}
	slices.Sort(u.Names)
	u.Line = 1 + strings.Count(text[:first], "\n")
	u.Col = first - strings.LastIndex(text[:first], "\n")
	return u
}

func walkBranch(b *parse.BranchNode, walk func(parse.Node)) {
	walk(b.Pipe)
	walk(b.List)
	if b.ElseList != nil {
		walk(b.ElseList)
	}
}

func defined(name string, fm template.FuncMap) bool {
	_, ok := fm[name]
	return ok || builtins[name]
}

// missingMethod reports whether f, a namespace func (no arguments, one
// concrete result), has no method or field named name. Funcs that are not
// namespaces are not checked: the field may be on what they return.
func missingMethod(f any, name string) bool {
	t := reflect.TypeOf(f)
	if t == nil || t.Kind() != reflect.Func || t.NumIn() != 0 || t.NumOut() != 1 {
		return false
	}
	rt := t.Out(0)
	if rt.Kind() != reflect.Struct || rt.PkgPath() != reflect.TypeFor[Strings]().PkgPath() {
		return false
	}
	if _, ok := rt.MethodByName(name); ok {
		return false
	}
	_, ok := rt.FieldByName(name)
	return !ok
}

// Message is the error message: "functions not defined: partialCached, where".
func (u *Undefined) Message() string {
	if len(u.Names) == 1 {
		return fmt.Sprintf("function %q not defined", u.Names[0])
	}
	return "functions not defined: " + strings.Join(u.Names, ", ")
}

// Hint says where the defined functions are listed.
func (u *Undefined) Hint() string {
	return "quire does not implement " + strings.Join(u.Names, ", ") + "; content/docs/layouts.md lists the functions it has"
}
