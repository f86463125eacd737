package markdown

import (
	"html/template"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// TableContext is the "." of the table hook: the table's cells, rendered,
// by row.
type TableContext struct {
	Page       any
	PageInner  any
	THead      [][]TableCell
	TBody      [][]TableCell
	Attributes map[string]any
	Ordinal    int
	Position   Position
}

// TableCell is one cell of a TableContext.
type TableCell struct {
	Alignment string // "left", "center", "right" or ""
	Text      template.HTML
}

// tableCapture is the table a table hook is collecting.
type tableCapture struct {
	head, body [][]TableCell
	row        []TableCell
}

func (r *hookRenderer) table(st *hookState, w *hookWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, bool, error) {
	if entering {
		s, ok, err := r.enter(st, w, node, "table")
		if ok {
			st.table = &tableCapture{}
		}
		return s, ok, err
	}
	name, _, ok := leave(w, node) // the cells are in st.table
	if !ok {
		return ast.WalkContinue, false, nil
	}
	off := node.Pos()
	if off < 0 {
		off = inlineStart(node)
	}
	ctx := &TableContext{Page: st.opts.Page, PageInner: st.opts.Page, THead: st.table.head, TBody: st.table.body,
		Attributes: st.attributes(node, ""), Ordinal: st.ordinal(name), Position: st.position(off)}
	st.table = nil
	_, err := finish(st, w, name, off, ctx)
	return ast.WalkContinue, true, err
}

// tableRow collects a header row (head) or body row of a hooked table.
func (r *hookRenderer) tableRow(head bool) hookFunc {
	return func(st *hookState, _ *hookWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, bool, error) {
		t := st.table
		if t == nil {
			return ast.WalkContinue, false, nil
		}
		if entering {
			t.row = nil
		} else if head {
			t.head = append(t.head, t.row)
		} else {
			t.body = append(t.body, t.row)
		}
		return ast.WalkContinue, true, nil
	}
}

func (r *hookRenderer) tableCell(st *hookState, w *hookWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, bool, error) {
	t := st.table
	if t == nil {
		return ast.WalkContinue, false, nil
	}
	if entering {
		w.push()
		return ast.WalkContinue, true, nil
	}
	align := node.(*extast.TableCell).Alignment.String()
	if align == "none" {
		align = ""
	}
	t.row = append(t.row, TableCell{Alignment: align, Text: template.HTML(w.pop())})
	return ast.WalkContinue, true, nil
}
