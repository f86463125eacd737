package site

import (
	"cmp"
	"io/fs"
	"path"
	"slices"
	"text/template/parse"

	"github.com/quire-docs/quire/internal/assets"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/pos"
	"github.com/quire-docs/quire/internal/publish"
)

// addStaticDirs publishes Hugo's static directories (staticDir) verbatim
// at the output root, each file a Real output, so that a static file and
// a page at one path are an error naming both. It reports the symbolic
// links left out of them and of the assets directory: a warning naming
// the link and its target, unless a site layout names the asset, which is
// then an error at each place that names it. It returns the static files'
// output paths, for render.NewLinks.
func (b *builder) addStaticDirs(ds *diag.List) []string {
	files, skipped, err := assets.Static(assets.StaticOptions{FS: b.fsys, Dirs: b.cfg.StaticDirs, AllowDotPaths: b.cfg.Publish.AllowDotPaths})
	ds.AddError("", err) // each error starts with its file's path
	paths := make([]string, len(files))
	for i, f := range files {
		b.out.Add(publish.Real, f)
		paths[i] = f.Path
	}
	for _, l := range skipped {
		ds.Add(l.Warning())
	}
	b.reportSkippedAssets(assets.Skipped(subdir(b.fsys, b.cfg.AssetDir), b.cfg.AssetDir), ds)
	return paths
}

// assetKind is the output kind of f, a file assets.Process returned:
// quire's own assets yield to a file of the site's at their path (a Hugo
// site's static/favicon.svg replaces the theme's), the site's are Real.
func assetKind(f publish.File) publish.Kind {
	if assets.Builtin(f) {
		return publish.Generated
	}
	return publish.Real
}

// reportSkippedAssets warns about each asset link in skipped, or, when the
// site's layouts name it in a string ({{ index .Site.Assets "js/a.js" }},
// {{ resources.Get "js/a.js" }}), reports an error at each such place: a
// template that asks for a file that is not there is broken.
func (b *builder) reportSkippedAssets(skipped []assets.Link, ds *diag.List) {
	if len(skipped) == 0 {
		return
	}
	byName := make(map[string]assets.Link, len(skipped))
	for _, l := range skipped {
		byName[l.Name] = l
	}
	used := map[string]bool{}
	for _, ref := range layoutStrings(b.fsys, b.cfg.LayoutDir, byName) {
		l := byName[ref.text]
		used[l.Name] = true
		what := "a symbolic link to a directory"
		if !l.Dir {
			what = "a dangling symbolic link to " + l.Target
		}
		ds.Add(diag.Errorf(ref.file, ref.line, ref.col, "asset %s is not there: %s is %s", l.Name, l.File, what).
			WithHint("create the file the link points to (a Hugo site may need its node_modules installed), or remove the reference"))
	}
	for _, l := range skipped {
		if !used[l.Name] {
			ds.Add(l.Warning())
		}
	}
}

// stringRef is a string constant in a template file.
type stringRef struct {
	file      string
	line, col int
	text      string
}

// layoutStrings returns the string constants of the template files under
// dir in fsys that are keys of want, in file order then text order.
// Files that do not parse are skipped: layout.New reports them.
func layoutStrings[V any](fsys fs.FS, dir string, want map[string]V) []stringRef {
	root := subdir(fsys, dir)
	if root == nil {
		return nil
	}
	var refs []stringRef
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
		var found []stringRef
		for _, tr := range trees {
			walkStrings(tr.Root, func(n *parse.StringNode) {
				if _, ok := want[n.Text]; ok {
					line, col := lines.Position(int(n.Pos))
					found = append(found, stringRef{file: file, line: line, col: col, text: n.Text})
				}
			})
		}
		// A file's defined templates come in no particular order.
		slices.SortFunc(found, func(a, b stringRef) int {
			return cmp.Or(cmp.Compare(a.line, b.line), cmp.Compare(a.col, b.col))
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
