package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Heading levels without gaps (RenderOptions.NormalizeHeadings): the page
// title is the h1 of the page around the body, so the body's headings
// render from h2 on, each one level below the heading it comes under,
// which is the nearest before it written at a shallower level. "####"
// questions right under the title render as h2; "##" then "####" as h2
// then h3; a body written from h2 down without skips renders as written.
// Only the rendered tag changes: ids, Result.Headings (so the TOC) and
// the text keep the levels as written.

// normalizeCtx is set in the parser context of a render that normalizes
// heading levels.
var normalizeCtx = parser.NewContextKey()

// levelKey holds a heading's rendered level when it is not its own.
const levelKey = "\x00quire-level"

// headingLevels is the AST transformer of heading levels.
type headingLevels struct{}

// Transform implements parser.ASTTransformer.
func (headingLevels) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	if on, _ := pc.Get(normalizeCtx).(bool); !on {
		return
	}
	type open struct{ written, rendered int }
	var stack []open // the headings the next one may come under
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		for len(stack) > 0 && stack[len(stack)-1].written >= h.Level {
			stack = stack[:len(stack)-1]
		}
		level := 2
		if len(stack) > 0 {
			level = stack[len(stack)-1].rendered + 1
		}
		level = min(level, 6)
		stack = append(stack, open{h.Level, level})
		if level != h.Level {
			h.SetAttributeString(levelKey, level)
		}
		return ast.WalkSkipChildren, nil
	})
}

// renderedLevel returns the level heading n renders at.
func renderedLevel(n *ast.Heading) int {
	if v, ok := n.AttributeString(levelKey); ok {
		if l, ok := v.(int); ok {
			return l
		}
	}
	return min(max(n.Level, 1), 6)
}
