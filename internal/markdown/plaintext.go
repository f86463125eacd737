package markdown

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// plainText returns the text a reader sees in n's inline content, as the
// browser's textContent would give it: link and emphasis markup gone,
// escapes and entities resolved, typographer output as Unicode (’ “ ” …).
// Images, raw HTML and footnote references contribute nothing (GitHub's
// heading text leaves images out too). Line breaks become one space.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	writePlain(&b, n, src, false)
	return strings.TrimSpace(b.String())
}

// sourceText is plainText with raw HTML kept as written ("Amazon
// Only:<br/>Tag"): the text blackfriday made heading ids from.
func sourceText(n ast.Node, src []byte) string {
	var b strings.Builder
	writePlain(&b, n, src, true)
	return strings.TrimSpace(b.String())
}

func writePlain(b *strings.Builder, n ast.Node, src []byte, raw bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(src)
			if _, ok := n.(*ast.CodeSpan); ok {
				v = codeSpanText(c, src, shortcodes(c))
			}
			if !c.IsRaw() {
				v = util.UnescapePunctuations(v)
				v = util.ResolveNumericReferences(v)
				v = util.ResolveEntityNames(v)
			}
			b.Write(v)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			if c.IsCode() {
				// Typographer output is an HTML entity such as "&rsquo;".
				b.WriteString(html.UnescapeString(string(c.Value)))
			} else {
				b.Write(c.Value)
			}
		case *ast.AutoLink:
			b.Write(c.Label(src))
		case *ast.RawHTML:
			if raw {
				for i := range c.Segments.Len() {
					seg := c.Segments.At(i)
					b.Write(seg.Value(src))
				}
			}
		case *placeholderNode:
			b.WriteString(textOf(c.html))
		case *ast.Image, *extast.FootnoteLink:
			// Not text.
		default:
			writePlain(b, c, src, raw)
		}
	}
}
