package markdown

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/quire-docs/quire/internal/highlight"
)

// nodeRenderer replaces goldmark's rendering of headings (adding a
// self-link anchor), code blocks (through highlight.Code) and raw HTML
// (dropped entirely unless unsafe) and task list boxes (given an accessible
// name); when !unsafe headings keep only their id and class attributes.
type nodeRenderer struct {
	unsafe  bool
	math    bool // a ```math fence is display math (Options.Math)
	mermaid bool // a ```mermaid fence is a diagram (Options.Mermaid)
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, r.renderHeading)
	reg.Register(ast.KindFencedCodeBlock, r.renderCode)
	reg.Register(ast.KindCodeBlock, r.renderCode)
	reg.Register(ast.KindHTMLBlock, r.renderHTMLBlock)
	reg.Register(ast.KindRawHTML, r.renderRawHTML)
	reg.Register(extast.KindTaskCheckBox, r.renderTaskCheckBox)
}

// renderTaskCheckBox writes a task list item's box as goldmark does, plus
// an aria-label: a form control needs an accessible name, and the item's
// text is not its label.
func (r *nodeRenderer) renderTaskCheckBox(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if node.(*extast.TaskCheckBox).IsChecked {
		_, _ = w.WriteString(`<input checked="" disabled="" type="checkbox" aria-label="Done"> `)
	} else {
		_, _ = w.WriteString(`<input disabled="" type="checkbox" aria-label="Not done"> `)
	}
	return ast.WalkContinue, nil
}

// renderHeading writes
//
//	<h2 id="setup">Setup<a class="anchor" href="#setup" aria-label="Link to this section: Setup">#</a></h2>
//
// The anchor comes last so the heading's text (and a copy of it) starts
// with the words; CSS can show it on hover. Every heading has an id here,
// set by headingIDs.
func (r *nodeRenderer) renderHeading(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	level := byte('0' + renderedLevel(n))
	if entering {
		_, _ = w.WriteString("<h")
		_ = w.WriteByte(level)
		if n.Attributes() != nil {
			if r.unsafe {
				gmhtml.RenderAttributes(w, n, gmhtml.HeadingAttributeFilter)
			} else {
				renderSafeAttributes(w, n)
			}
		}
		_ = w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	if id := headingID(n); id != "" {
		label := "Link to this section"
		if t := plainText(n, src); t != "" {
			label += ": " + t
		}
		_, _ = w.WriteString(`<a class="anchor" href="#`)
		_, _ = w.WriteString(html.EscapeString(id))
		_, _ = w.WriteString(`" aria-label="`)
		_, _ = w.WriteString(html.EscapeString(label))
		_, _ = w.WriteString(`">#</a>`)
	}
	_, _ = w.WriteString("</h")
	_ = w.WriteByte(level)
	_, _ = w.WriteString(">\n")
	return ast.WalkContinue, nil
}

// renderSafeAttributes writes only a node's id and class attributes: the
// rest of what {key=value} allows (style, data-*, and anything an HTML
// filter might let through later) is for trusted authors only.
// gmhtml.RenderAttributes cannot do this, as it passes data-* through any
// filter.
func renderSafeAttributes(w util.BufWriter, n ast.Node) {
	for _, attr := range n.Attributes() {
		if name := string(attr.Name); name != "id" && name != "class" {
			continue
		}
		var value []byte
		switch v := attr.Value.(type) {
		case []byte:
			value = v
		case string:
			value = []byte(v)
		}
		_ = w.WriteByte(' ')
		_, _ = w.Write(attr.Name)
		_, _ = w.WriteString(`="`)
		_, _ = w.Write(util.EscapeHTML(value))
		_ = w.WriteByte('"')
	}
}

// renderCode renders fenced and indented code blocks through
// highlight.Code, or highlight.CodeLines when a fence's attributes ask for
// line numbers or highlighted lines. A fence with a title, an id or
// classes is wrapped in
//
//	<figure class="code-figure CLASSES" id="ID"><figcaption class="code-title">TITLE</figcaption>…</figure>
//
// (the figcaption only with a title).
func (r *nodeRenderer) renderCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	f := &fence{}
	if n, ok := node.(*ast.FencedCodeBlock); ok {
		f = fenceOf(n, src)
	}
	var code strings.Builder
	lines := node.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		code.Write(seg.Value(src))
	}
	text := code.String()
	if t := shortcodes(node); t != nil {
		text = string(codeText([]byte(text), t))
	}
	switch {
	case r.math && f.Lang == "math":
		writeMath(w, true, strings.TrimSpace(text))
		return ast.WalkSkipChildren, nil
	case r.mermaid && f.Lang == "mermaid":
		_, _ = w.WriteString(`<pre class="` + MermaidClass + `">`)
		_, _ = w.WriteString(html.EscapeString(text))
		_, _ = w.WriteString("</pre>\n")
		return ast.WalkSkipChildren, nil
	}
	if f.wrapped() {
		writeFigureStart(w, f)
	}
	var err error
	if f.perLine() {
		err = highlight.CodeLines(w, f.Lang, text, f.Lines)
	} else {
		err = highlight.Code(w, f.Lang, text)
	}
	if err != nil {
		return ast.WalkStop, err
	}
	if f.wrapped() {
		_, _ = w.WriteString("</figure>\n")
	}
	return ast.WalkSkipChildren, nil
}

// writeFigureStart writes the start of a fence's outer element.
func writeFigureStart(w util.BufWriter, f *fence) {
	_, _ = w.WriteString(`<figure class="code-figure`)
	if f.Class != "" {
		_ = w.WriteByte(' ')
		_, _ = w.WriteString(html.EscapeString(f.Class))
	}
	_ = w.WriteByte('"')
	if f.ID != "" {
		_, _ = w.WriteString(` id="`)
		_, _ = w.WriteString(html.EscapeString(f.ID))
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	if f.Title != "" {
		_, _ = w.WriteString(`<figcaption class="code-title">`)
		_, _ = w.WriteString(html.EscapeString(f.Title))
		_, _ = w.WriteString("</figcaption>")
	}
}

// renderHTMLBlock writes the block verbatim when unsafe, else nothing (the
// place is reported in Result.RawHTML instead of a comment in the page).
func (r *nodeRenderer) renderHTMLBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !r.unsafe {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.HTMLBlock)
	if entering {
		t := shortcodes(n)
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			_, _ = w.Write(expandPlaceholders(seg.Value(src), t))
		}
	} else if n.HasClosure() {
		_, _ = w.Write(expandPlaceholders(n.ClosureLine.Value(src), shortcodes(n)))
	}
	return ast.WalkContinue, nil
}

// renderRawHTML is renderHTMLBlock for inline HTML.
func (r *nodeRenderer) renderRawHTML(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering || !r.unsafe {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.RawHTML)
	t := shortcodes(n)
	for i := range n.Segments.Len() {
		seg := n.Segments.At(i)
		_, _ = w.Write(expandPlaceholders(seg.Value(src), t))
	}
	return ast.WalkSkipChildren, nil
}
