package markdown

import (
	"bytes"
	"html"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Shortcode output ({{< >}}) reaches the HTML through placeholders: the
// shortcode stage puts Placeholder(i) into the body, and this extension
// turns each one into RenderOptions.Shortcodes[i], written verbatim:
//
//   - in text, an inline node (a paragraph holding only one becomes a
//     block node, so block HTML such as <figure> is not wrapped in <p>);
//   - in link and image destinations and titles, by collect, before the
//     resolver sees them;
//   - in raw HTML, by the node renderers, as written;
//   - in code blocks and code spans, by the node renderers, as the text
//     the output shows (textOf): code is text, so highlighting sees it and
//     it is escaped with the rest of the code.
//
// Only pages with shortcodes are parsed with it (Renderer.withShortcodes).

// Extension priorities: the inline parser has no rival for '^', so any
// value works; 500 keeps it after goldmark's own parsers (100-300). The
// table transformer puts the outputs on the document before headingIDs
// (100), which reads code spans' text through it. The paragraph
// transformer runs after headingIDs (100): it does not touch headings, and
// must see paragraphs as parsing left them.
const (
	placeholderParserPriority      = 500
	placeholderTablePriority       = 50
	placeholderTransformerPriority = 200
)

// shortcodesKey is the document attribute holding RenderOptions.Shortcodes
// for the node renderers, which are shared by every page.
const shortcodesKey = "quire-shortcodes"

// shortcodesCtx holds RenderOptions.Shortcodes in the parser context, so
// the inline parser can give each node its output while parsing, before
// heading ids and TOC text are taken from the text.
var shortcodesCtx = parser.NewContextKey()

var kindPlaceholder = ast.NewNodeKind("ShortcodePlaceholder")

// placeholderNode is one shortcode output, inline or (block) alone in a
// paragraph.
type placeholderNode struct {
	ast.BaseInline
	index int
	html  []byte // the output
	block bool
}

func (n *placeholderNode) Kind() ast.NodeKind { return kindPlaceholder }

func (n *placeholderNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Index": strconv.Itoa(n.index)}, nil)
}

// placeholderBlock wraps a placeholderNode that stood alone in a paragraph.
type placeholderBlock struct {
	ast.BaseBlock
}

var kindPlaceholderBlock = ast.NewNodeKind("ShortcodePlaceholderBlock")

func (n *placeholderBlock) Kind() ast.NodeKind { return kindPlaceholderBlock }

func (n *placeholderBlock) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// placeholderExt registers the parser, transformer and renderer.
type placeholderExt struct{}

func (placeholderExt) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithInlineParsers(util.Prioritized(placeholderParser{}, placeholderParserPriority)),
		parser.WithASTTransformers(
			util.Prioritized(placeholderTable{}, placeholderTablePriority),
			util.Prioritized(placeholderParagraphs{}, placeholderTransformerPriority),
		),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(placeholderRenderer{}, nodeRendererPriority)))
}

type placeholderParser struct{}

func (placeholderParser) Trigger() []byte { return []byte{'^'} }

func (placeholderParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	i, n, ok := parsePlaceholder(line)
	if !ok {
		return nil
	}
	t, _ := pc.Get(shortcodesCtx).([][]byte)
	if i >= len(t) {
		return nil // not one of this page's: text as written
	}
	block.Advance(n)
	return &placeholderNode{index: i, html: t[i]}
}

// parsePlaceholder reads Placeholder(i) at the start of b and returns i
// and its length.
func parsePlaceholder(b []byte) (int, int, bool) {
	if !bytes.HasPrefix(b, []byte(placeholderPrefix)) {
		return 0, 0, false
	}
	j := len(placeholderPrefix)
	k := j
	for k < len(b) && k-j < 9 && '0' <= b[k] && b[k] <= '9' {
		k++
	}
	if k == j || !bytes.HasPrefix(b[k:], []byte(placeholderSuffix)) {
		return 0, 0, false
	}
	i, _ := strconv.Atoi(string(b[j:k]))
	return i, k + len(placeholderSuffix), true
}

// placeholderTable sets the document's shortcodesKey attribute, which
// the node renderers and plainText read, from the parser context.
type placeholderTable struct{}

func (placeholderTable) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	if t, ok := pc.Get(shortcodesCtx).([][]byte); ok {
		doc.SetAttributeString(shortcodesKey, t)
	}
}

// placeholderParagraphs replaces each paragraph that holds one placeholder
// and nothing else with a block.
type placeholderParagraphs struct{}

func (placeholderParagraphs) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	var paras []*ast.Paragraph
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if p, ok := n.(*ast.Paragraph); ok && entering {
			if ph, ok := p.FirstChild().(*placeholderNode); ok && p.ChildCount() == 1 {
				ph.block = true
				paras = append(paras, p)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, p := range paras {
		b := &placeholderBlock{}
		b.AppendChild(b, p.FirstChild())
		p.Parent().ReplaceChild(p.Parent(), p, b)
	}
}

type placeholderRenderer struct{}

func (placeholderRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindPlaceholder, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.Write(n.(*placeholderNode).html)
		}
		return ast.WalkContinue, nil
	})
	reg.Register(kindPlaceholderBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			_ = w.WriteByte('\n')
		}
		return ast.WalkContinue, nil
	})
	reg.Register(ast.KindCodeSpan, renderCodeSpan)
}

// renderCodeSpan renders a code span as goldmark does, with the
// placeholders in it replaced by codeText.
func renderCodeSpan(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</code>")
		return ast.WalkContinue, nil
	}
	if n.Attributes() != nil {
		_, _ = w.WriteString("<code")
		gmhtml.RenderAttributes(w, n, gmhtml.CodeAttributeFilter)
		_ = w.WriteByte('>')
	} else {
		_, _ = w.WriteString("<code>")
	}
	t := shortcodes(n)
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		v := codeSpanText(c, src, t)
		_, _ = w.Write(util.EscapeHTML(v))
	}
	return ast.WalkSkipChildren, nil
}

// codeSpanText returns the text of c, a child of a code span: its line
// ending as a space, as CommonMark has it, and placeholders replaced.
func codeSpanText(c ast.Node, src []byte, table [][]byte) []byte {
	t, ok := c.(*ast.Text)
	if !ok {
		return nil
	}
	v := t.Segment.Value(src)
	if k := len(v) - 1; k >= 0 && v[k] == '\n' {
		v = append(v[:k:k], ' ')
	}
	return codeText(v, table)
}

// shortcodes returns the document's shortcode outputs, nil when none.
func shortcodes(n ast.Node) [][]byte {
	doc := n.OwnerDocument()
	if doc == nil {
		return nil
	}
	v, _ := doc.AttributeString(shortcodesKey)
	t, _ := v.([][]byte)
	return t
}

// textOf returns the text of an HTML fragment, tags dropped and entities
// resolved: what a shortcode's output adds to a heading's plain text.
func textOf(h []byte) string {
	var b strings.Builder
	in := false
	for _, c := range h {
		switch {
		case c == '<':
			in = true
		case c == '>' && in:
			in = false
		case !in:
			b.WriteByte(c)
		}
	}
	return html.UnescapeString(b.String())
}

// codeText replaces every placeholder in b, which is code, with the text
// of its output (textOf): in code, an output is text, not markup.
func codeText(b []byte, table [][]byte) []byte {
	return replacePlaceholders(b, table, func(h []byte) []byte { return []byte(textOf(h)) })
}

// expandPlaceholders replaces every placeholder in b with its output.
// b is returned as is when it holds none.
func expandPlaceholders(b []byte, table [][]byte) []byte {
	return replacePlaceholders(b, table, func(h []byte) []byte { return h })
}

// replacePlaceholders replaces every placeholder in b with f of its
// output. b is returned as is when it holds none.
func replacePlaceholders(b []byte, table [][]byte, f func([]byte) []byte) []byte {
	if len(table) == 0 || !bytes.Contains(b, []byte(placeholderPrefix)) {
		return b
	}
	var out []byte
	for {
		k := bytes.Index(b, []byte(placeholderPrefix))
		if k < 0 {
			return append(out, b...)
		}
		out = append(out, b[:k]...)
		i, n, ok := parsePlaceholder(b[k:])
		if ok && i < len(table) {
			out = append(out, f(table[i])...)
		} else {
			n = len(placeholderPrefix)
			out = append(out, b[k:k+n]...)
		}
		b = b[k+n:]
	}
}
