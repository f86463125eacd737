package layout

import (
	"cmp"
	"io/fs"
	"path"
	"slices"
	"text/template/parse"

	"github.com/quire-docs/quire/internal/pos"
)

// StringRef is a string constant in a template file.
type StringRef struct {
	File      string // the file's path: dir joined with its path in the templates' fs
	Line, Col int
	Text      string
}

// Strings returns the string constants of the template files in root
// (a site's layouts, dir its path for messages) that are keys of want, in
// file order then position order, without running any template: how a
// build finds where templates name a file it lacks. Files that do not
// parse are skipped: New reports them. root may be nil.
func Strings[V any](root fs.FS, dir string, want map[string]V) []StringRef {
	if root == nil {
		return nil
	}
	var refs []StringRef
	fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		src, err := fs.ReadFile(root, p)
		if err != nil {
			return nil
		}
		t := parse.New(p)
		t.Mode = parse.SkipFuncCheck
		trees := map[string]*parse.Tree{}
		if _, err := t.Parse(string(src), "", "", trees); err != nil {
			return nil
		}
		lines := pos.New(src)
		file := path.Join(dir, p)
		var found []StringRef
		for _, tr := range trees {
			walkStrings(tr.Root, func(n *parse.StringNode) {
				if _, ok := want[n.Text]; ok {
					line, col := lines.Position(int(n.Pos))
					found = append(found, StringRef{File: file, Line: line, Col: col, Text: n.Text})
				}
			})
		}
		// A file's defined templates come in no particular order.
		slices.SortFunc(found, func(a, b StringRef) int {
			return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
		})
		refs = append(refs, found...)
		return nil
	})
	return refs
}

// walkStrings calls fn for each string constant under n.
func walkStrings(n parse.Node, fn func(*parse.StringNode)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walkStrings(c, fn)
		}
	case *parse.ActionNode:
		walkStrings(n.Pipe, fn)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walkStrings(c, fn)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walkStrings(a, fn)
		}
	case *parse.ChainNode:
		walkStrings(n.Node, fn)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.TemplateNode:
		walkStrings(n.Pipe, fn)
	case *parse.StringNode:
		fn(n)
	}
}

func walkBranch(n *parse.BranchNode, fn func(*parse.StringNode)) {
	walkStrings(n.Pipe, fn)
	walkStrings(n.List, fn)
	walkStrings(n.ElseList, fn)
}
