package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// admonitionKinds are the words that make a blockquote an admonition when
// its first paragraph starts with one in bold ("> **Note**", "> **Warning:**
// text"), as GitHub's alert kinds; the class is "admonition-" + the kind.
var admonitionKinds = []string{"note", "tip", "important", "warning", "caution"}

// admonitions is an AST transformer that gives such blockquotes the
// classes "admonition admonition-KIND" so the theme can style them. The
// markdown itself is unchanged: without the theme it is an ordinary quote.
type admonitions struct{}

// Transform implements parser.ASTTransformer.
func (admonitions) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		q, ok := n.(*ast.Blockquote)
		if !ok {
			return ast.WalkContinue, nil
		}
		if kind := admonitionKind(q, src); kind != "" {
			class := "admonition admonition-" + kind
			if v, ok := q.AttributeString("class"); ok {
				if s, ok := v.([]byte); ok && len(s) > 0 {
					class = string(s) + " " + class
				}
			}
			q.SetAttributeString("class", []byte(class))
		}
		return ast.WalkContinue, nil
	})
}

// admonitionKind returns the kind of q, or "" when q is a plain quote: its
// first child must be a paragraph whose first inline is bold text that
// reads a kind, optionally followed by a colon.
func admonitionKind(q *ast.Blockquote, src []byte) string {
	p, ok := q.FirstChild().(*ast.Paragraph)
	if !ok {
		return ""
	}
	em, ok := p.FirstChild().(*ast.Emphasis)
	if !ok || em.Level != 2 {
		return ""
	}
	word := strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(plainText(em, src)), ":")))
	for _, k := range admonitionKinds {
		if word == k {
			return k
		}
	}
	return ""
}
