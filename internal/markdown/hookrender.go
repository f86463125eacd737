package markdown

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// hookRenderer renders the nodes a page's render hooks replace (see
// Hooks) and hands every other one, and all of them in a render without
// hooks, to next: the renderers it takes the place of.
//
// A hook's .Text is its node's children rendered: on entering, the
// renderer starts capturing into a buffer of the hookWriter that
// RenderPage renders to, and on leaving it takes the buffer and runs the
// hook.
type hookRenderer struct {
	next funcTable
}

// funcTable records node renderer functions
// (renderer.NodeRendererFuncRegisterer): the later registered win, as
// lower priorities do in goldmark.
type funcTable map[ast.NodeKind]renderer.NodeRendererFunc

// Register implements renderer.NodeRendererFuncRegisterer.
func (t funcTable) Register(k ast.NodeKind, f renderer.NodeRendererFunc) { t[k] = f }

// RegisterFuncs implements renderer.NodeRenderer.
func (r *hookRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, r.wrap(r.link))
	reg.Register(ast.KindImage, r.wrap(r.image))
	reg.Register(ast.KindHeading, r.wrap(r.heading))
	reg.Register(ast.KindBlockquote, r.wrap(r.blockquote))
	reg.Register(kindAlertTitle, r.wrap(r.alertTitle))
	reg.Register(ast.KindFencedCodeBlock, r.wrap(r.codeblock))
	reg.Register(extast.KindTable, r.wrap(r.table))
	reg.Register(extast.KindTableHeader, r.wrap(r.tableRow(true)))
	reg.Register(extast.KindTableRow, r.wrap(r.tableRow(false)))
	reg.Register(extast.KindTableCell, r.wrap(r.tableCell))
}

// hookFunc renders node with the hooks of st, which are non-nil, into w;
// ok=false hands the node to the next renderer.
type hookFunc func(st *hookState, w *hookWriter, src []byte, node ast.Node, entering bool) (status ast.WalkStatus, ok bool, err error)

// wrap returns the renderer function that runs f when the render has
// hooks, else the next renderer of the node's kind.
func (r *hookRenderer) wrap(f hookFunc) renderer.NodeRendererFunc {
	return func(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if st := hooksOf(node); st != nil {
			if hw, isHW := w.(*hookWriter); isHW {
				if s, ok, err := f(st, hw, src, node, entering); ok || err != nil {
					return s, err
				}
			}
		}
		if next := r.next[node.Kind()]; next != nil {
			return next(w, src, node, entering)
		}
		return ast.WalkContinue, nil
	}
}

// hookedKey holds the name of the hook that renders node, set on entering so
// that leaving runs the same one (children cannot change it).
const hookedKey = "\x00quire-hooked"

func (r *hookRenderer) enter(st *hookState, w *hookWriter, node ast.Node, name string) (ast.WalkStatus, bool, error) {
	if !st.opts.Run.Has(name) {
		return ast.WalkContinue, false, nil
	}
	node.SetAttributeString(hookedKey, name)
	w.push()
	return ast.WalkContinue, true, nil
}

// leave reports whether node is rendered by a hook, and returns what its
// children wrote.
func leave(w *hookWriter, node ast.Node) (string, template.HTML, bool) {
	v, ok := node.AttributeString(hookedKey)
	name, _ := v.(string)
	if !ok || name == "" {
		return "", "", false
	}
	return name, template.HTML(w.pop()), true
}

// finish runs the hook name with ctx, for the element at byte offset
// off, and writes its output.
func finish(st *hookState, w *hookWriter, name string, off int, ctx any) (template.HTML, error) {
	st.ran++
	out, err := st.opts.Run.Run(name, ctx)
	if err != nil {
		return "", &HookError{Pos: st.lines.pos(off), Hook: name, Err: err}
	}
	_, _ = w.WriteString(string(out))
	return out, nil
}

func (r *hookRenderer) link(st *hookState, w *hookWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, bool, error) {
	if entering {
		return r.enter(st, w, node, "link")
	}
	name, text, ok := leave(w, node)
	if !ok {
		return ast.WalkContinue, false, nil
	}
	n := node.(*ast.Link)
	off := linkStart(n, src, '[')
	ctx := &LinkContext{Page: st.opts.Page, PageInner: st.opts.Page, Destination: string(n.Destination), Title: string(n.Title),
		Text: text, PlainText: plainText(n, src), Ordinal: st.ordinal(name), Position: st.position(off)}
	out, err := finish(st, w, name, off, ctx)
	st.trace(n, out)
	return ast.WalkContinue, true, err
}

func (r *hookRenderer) image(st *hookState, w *hookWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, bool, error) {
	if entering {
		return r.enter(st, w, node, "image")
	}
	name, text, ok := leave(w, node)
	if !ok {
		return ast.WalkContinue, false, nil
	}
	n := node.(*ast.Image)
	off := linkStart(n, src, '!')
	ctx := &LinkContext{Page: st.opts.Page, PageInner: st.opts.Page, Destination: string(n.Destination), Title: string(n.Title),
		Text: text, PlainText: plainText(n, src), Attributes: st.attributes(n, ""),
		Ordinal: st.ordinal(name), Position: st.position(off)}
	out, err := finish(st, w, name, off, ctx)
	st.trace(n, out)
	return ast.WalkContinue, true, err
}

func (r *hookRenderer) heading(st *hookState, w *hookWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, bool, error) {
	if entering {
		return r.enter(st, w, node, "heading")
	}
	name, text, ok := leave(w, node)
	if !ok {
		return ast.WalkContinue, false, nil
	}
	n := node.(*ast.Heading)
	ctx := &HeadingContext{Page: st.opts.Page, PageInner: st.opts.Page, Level: renderedLevel(n), Anchor: headingID(n), Text: text,
		PlainText: plainText(n, src), Attributes: st.attributes(n, "id"), Ordinal: st.ordinal(name), Position: st.position(n.Pos())}
	_, err := finish(st, w, name, n.Pos(), ctx)
	return ast.WalkContinue, true, err
}

// attributes returns n's {key=value} attributes but skip and quire's own;
// when !Unsafe only its class.
func (st *hookState) attributes(n ast.Node, skip string) map[string]any {
	out := map[string]any{}
	for _, a := range n.Attributes() {
		name := string(a.Name)
		if name == skip || strings.HasPrefix(name, "\x00") || (!st.unsafe && name != "class") {
			continue
		}
		switch v := a.Value.(type) {
		case []byte:
			out[name] = string(v)
		default:
			out[name] = v
		}
	}
	return out
}

func (r *hookRenderer) blockquote(st *hookState, w *hookWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, bool, error) {
	n := node.(*ast.Blockquote)
	if entering {
		s, ok, err := r.enter(st, w, node, "blockquote")
		if ok {
			setAlert(n, src)
		}
		return s, ok, err
	}
	name, text, ok := leave(w, node)
	if !ok {
		return ast.WalkContinue, false, nil
	}
	ctx := &BlockquoteContext{Page: st.opts.Page, PageInner: st.opts.Page, Type: "regular", Text: text, Attributes: st.attributes(n, ""),
		Ordinal: st.ordinal(name), Position: st.position(n.Pos())}
	if v, ok := n.AttributeString(alertKey); ok {
		a := v.(alert)
		ctx.Type, ctx.AlertType, ctx.AlertSign = "alert", a.kind, a.sign
		ctx.AlertTitle = template.HTML(template.HTMLEscapeString(a.title))
	}
	_, err := finish(st, w, name, n.Pos(), ctx)
	return ast.WalkContinue, true, err
}

// alertTitle writes nothing of an alert's title when a hook renders its
// quote: the hook has it as AlertTitle, and Text is the rest.
func (r *hookRenderer) alertTitle(_ *hookState, _ *hookWriter, _ []byte, node ast.Node, _ bool) (ast.WalkStatus, bool, error) {
	if name, _ := node.Parent().AttributeString(hookedKey); name != nil && name != "" {
		return ast.WalkSkipChildren, true, nil
	}
	return ast.WalkContinue, false, nil
}

// inlineStart returns the source offset of the first text in inline n, -1
// when there is none.
func inlineStart(n ast.Node) int {
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if s := inlineStart(c); s >= 0 {
			return s
		}
	}
	return -1
}

// hookOptionNames are the attributes of a code fence that are
// highlighting options: CodeblockContext.Options, not Attributes.
var hookOptionNames = []string{"linenos", "hl_lines", "linenostart", "anchorlinenos", "lineanchors", "lineNumbersInTable",
	"style", "noclasses", "tabwidth", "guesssyntax", "hl_inline"}

func (r *hookRenderer) codeblock(st *hookState, w *hookWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, bool, error) {
	if !entering {
		return ast.WalkContinue, false, nil
	}
	n := node.(*ast.FencedCodeBlock)
	f := fenceOf(n, src)
	name := "codeblock"
	if f.Lang != "" && st.opts.Run.Has(name+"-"+f.Lang) {
		name += "-" + f.Lang
	} else if !st.opts.Run.Has(name) {
		return ast.WalkContinue, false, nil
	}
	var code strings.Builder
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		code.Write(seg.Value(src))
	}
	text := code.String()
	if t := shortcodes(n); t != nil {
		text = string(codeText([]byte(text), t))
	}
	ctx := &CodeblockContext{Page: st.opts.Page, PageInner: st.opts.Page, Type: f.Lang, Inner: text, Options: map[string]any{}, Attributes: map[string]any{},
		Ordinal: st.ordinal("codeblock"), Position: st.position(n.Pos())}
	if n.Info != nil {
		info := string(n.Info.Segment.Value(src))
		if _, off := splitInfo(info); off >= 0 {
			if attrs, _, err := parseFenceAttrs(info[off:]); err == nil {
				for _, a := range attrs {
					if slicesContainsFold(hookOptionNames, a.Name) {
						ctx.Options[a.Name] = hookValue(a.Value)
					} else {
						ctx.Attributes[a.Name] = hookValue(a.Value)
					}
				}
			}
		}
	}
	_, err := finish(st, w, name, n.Pos(), ctx)
	return ast.WalkSkipChildren, true, err
}

// hookValue is a fence attribute's value as a template sees it: a bool,
// an int or float64, a string, or a []any of them.
func hookValue(v attrValue) any {
	switch v.Kind {
	case attrBool:
		return v.Text == "true"
	case attrNumber:
		if i, err := strconv.Atoi(v.Text); err == nil {
			return i
		}
		if f, err := strconv.ParseFloat(v.Text, 64); err == nil {
			return f
		}
	case attrArray:
		out := make([]any, len(v.Items))
		for i, it := range v.Items {
			out[i] = hookValue(it)
		}
		return out
	}
	return v.Text
}

// hookWriter is what RenderPage renders to when the page has hooks: a
// util.BufWriter whose output goes to the innermost capture started by
// push, or to out.
type hookWriter struct {
	out   bytes.Buffer
	stack []*bytes.Buffer
}

func (w *hookWriter) cur() *bytes.Buffer {
	if len(w.stack) > 0 {
		return w.stack[len(w.stack)-1]
	}
	return &w.out
}

func (w *hookWriter) push() { w.stack = append(w.stack, &bytes.Buffer{}) }

// pop ends the innermost capture and returns what it holds.
func (w *hookWriter) pop() string {
	if len(w.stack) == 0 {
		return ""
	}
	b := w.stack[len(w.stack)-1]
	w.stack = w.stack[:len(w.stack)-1]
	return b.String()
}

func (w *hookWriter) Write(p []byte) (int, error)       { return w.cur().Write(p) }
func (w *hookWriter) WriteString(s string) (int, error) { return w.cur().WriteString(s) }
func (w *hookWriter) WriteByte(c byte) error            { return w.cur().WriteByte(c) }
func (w *hookWriter) WriteRune(r rune) (int, error)     { return w.cur().WriteRune(r) }
func (w *hookWriter) Available() int                    { return 4096 }
func (w *hookWriter) Buffered() int                     { return 0 }
func (w *hookWriter) Flush() error                      { return nil }
