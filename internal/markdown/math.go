package markdown

import (
	"html"
	"strings"

	"github.com/gohugoio/hugo-goldmark-extensions/passthrough"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Math says where a page's TeX is: between which delimiters, as Hugo's
// passthrough extension (markup.goldmark.extensions.passthrough) finds
// it. Nothing between them is markdown: "a_1 * b_2" keeps its
// underscores and asterisks.
type Math struct {
	Block  []Delimiters // displayed on a line of its own, e.g. $$ … $$
	Inline []Delimiters // within a paragraph, e.g. \( … \)
}

// Delimiters open and close one piece of TeX.
type Delimiters struct{ Open, Close string }

// Classes of the elements math and diagrams are rendered into; a page
// whose HTML has them needs the theme's math or Mermaid script.
const (
	MathInlineClass  = "math math-inline"
	MathDisplayClass = "math math-display"
	MermaidClass     = "mermaid"
)

// mathPriority: below the passthrough extension's own renderers (99 and
// 101), which write the TeX as it is, so these take their place.
const mathPriority = 90

// mathExt adds Math's parsing, and renders what it finds as
//
//	<span class="math math-inline">\(TeX\)</span>
//	<div class="math math-display">\[TeX\]</div>
//
// whatever the delimiters written: the TeX is HTML-escaped and reads as
// TeX without a script; the theme's script typesets it.
type mathExt struct{ m Math }

func (e mathExt) Extend(md goldmark.Markdown) {
	conv := func(ds []Delimiters) []passthrough.Delimiters {
		out := make([]passthrough.Delimiters, len(ds))
		for i, d := range ds {
			out[i] = passthrough.Delimiters{Open: d.Open, Close: d.Close}
		}
		return out
	}
	passthrough.New(passthrough.Config{InlineDelimiters: conv(e.m.Inline), BlockDelimiters: conv(e.m.Block)}).Extend(md)
	md.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(mathRenderer{}, mathPriority)))
}

type mathRenderer struct{}

func (mathRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(passthrough.KindPassthroughInline, renderMathInline)
	reg.Register(passthrough.KindPassthroughBlock, renderMathBlock)
}

func renderMathInline(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n, ok := node.(*passthrough.PassthroughInline)
	if !ok {
		return ast.WalkContinue, nil
	}
	tex := stripDelimiters(string(n.Segment.Value(src)), n.Delimiters)
	writeMath(w, false, tex)
	return ast.WalkSkipChildren, nil
}

func renderMathBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n, ok := node.(*passthrough.PassthroughBlock)
	if !ok {
		return ast.WalkContinue, nil
	}
	var b strings.Builder
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	writeMath(w, true, stripDelimiters(b.String(), n.Delimiters))
	return ast.WalkSkipChildren, nil
}

// stripDelimiters returns the TeX between d's delimiters in s.
func stripDelimiters(s string, d *passthrough.Delimiters) string {
	if d != nil {
		s = strings.TrimSpace(s)
		s = strings.TrimPrefix(s, d.Open)
		s = strings.TrimSuffix(s, d.Close)
	}
	return strings.TrimSpace(s)
}

// writeMath writes tex in the element of its kind.
func writeMath(w util.BufWriter, display bool, tex string) {
	if display {
		_, _ = w.WriteString(`<div class="` + MathDisplayClass + `">\[`)
		_, _ = w.WriteString(html.EscapeString(tex))
		_, _ = w.WriteString("\\]</div>\n")
		return
	}
	_, _ = w.WriteString(`<span class="` + MathInlineClass + `">\(`)
	_, _ = w.WriteString(html.EscapeString(tex))
	_, _ = w.WriteString(`\)</span>`)
}
