package markdown

import "fmt"

// DefaultMaxNesting is the deepest nesting of lists and block quotes a
// page may have when Options.MaxNesting is 0. Real pages stay under ten;
// goldmark's time grows much faster than the page's length past a few
// hundred (2,000 nested list items took 17 s).
const DefaultMaxNesting = 100

// NestingError is RenderPage's error for a page whose lists and block
// quotes nest deeper than the limit: it is refused before goldmark parses
// it.
type NestingError struct {
	Pos   Pos // the first line that goes past the limit
	Depth int // how deep that line is nested, at least Limit+1
	Limit int
}

func (e *NestingError) Error() string {
	return fmt.Sprintf("lists and block quotes nested %d deep; the limit is %d", e.Depth, e.Limit)
}

// checkNesting returns a *NestingError at the first line of src whose
// container blocks (block quotes and list items) nest deeper than limit,
// or nil. It reads each byte a bounded number of times, so it costs
// little beside parsing.
//
// It approximates CommonMark's rules, erring on the deep side only where
// real pages do not go: a line's depth is the number of list items still
// open at its indentation (items are opened by a marker and closed by a
// line indented less than their content), plus the markers that start
// the line ("> - > 1. "). Fenced code is skipped, so YAML or nested lists
// shown as code never count.
func checkNesting(src []byte, limit int) error {
	var (
		open  []int // content columns of the open list items, increasing
		fence fenceState
		line  = 1
	)
	for off := 0; off < len(src); line++ {
		end := off
		for end < len(src) && src[end] != '\n' {
			end++
		}
		l := src[off:end]
		off = end + 1
		ind, i := indent(l, 0, 0)
		if i == len(l) {
			continue // blank lines close nothing
		}
		for len(open) > 0 && open[len(open)-1] > ind {
			open = open[:len(open)-1]
		}
		if fence.open {
			if fence.closes(l, ind) {
				continue
			}
			if ind >= fence.col {
				continue
			}
			fence.open = false // its list item ended: the line is read as such
		}
		base := 0
		if len(open) > 0 {
			base = open[len(open)-1]
		}
		if ind >= base+4 {
			continue // indented code
		}
		depth := len(open)
		col := ind
		for {
			if i < len(l) && l[i] == '>' {
				depth++
				col++
				i++
				if i < len(l) && (l[i] == ' ' || l[i] == '\t') {
					col, i = col+1, i+1
				}
				col, i = indent(l, i, col)
				continue
			}
			w := listMarker(l[i:])
			if w == 0 {
				break
			}
			depth++
			i += w
			after := col + w // the column after the marker
			col, i = indent(l, i, after)
			content := col
			if i == len(l) || col-after > 4 {
				content = after + 1 // blank, or indented code in the item
			}
			if len(open) == 0 || content > open[len(open)-1] {
				open = append(open, content)
			}
		}
		if depth > limit {
			return &NestingError{Pos: Pos{Line: line, Col: 1}, Depth: depth, Limit: limit}
		}
		if f, ok := openFence(l[i:]); ok {
			f.col = col
			fence = f
		}
	}
	return nil
}

// indent skips spaces and tabs in l from i, where the column is col
// (tabs stop every 4 columns), and returns the column and index after them.
func indent(l []byte, i, col int) (int, int) {
	for ; i < len(l); i++ {
		switch l[i] {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return col, i
		}
	}
	return col, i
}

// listMarker returns the width of the list item marker at the start of l
// ("-", "*", "+", or up to 9 digits and "." or ")"), followed by a space,
// a tab or the end of the line, or 0.
func listMarker(l []byte) int {
	n := 0
	switch {
	case len(l) > 0 && (l[0] == '-' || l[0] == '*' || l[0] == '+'):
		n = 1
	default:
		for n < len(l) && n < 9 && '0' <= l[n] && l[n] <= '9' {
			n++
		}
		if n == 0 || n == len(l) || (l[n] != '.' && l[n] != ')') {
			return 0
		}
		n++
	}
	if n < len(l) && l[n] != ' ' && l[n] != '\t' {
		return 0
	}
	return n
}

// fenceState is an open fenced code block.
type fenceState struct {
	open bool
	char byte // '`' or '~'
	n    int  // length of the opening fence
	col  int  // column of the opening fence: a line indented less ends the block
}

// openFence reports whether l starts with a code fence of three or more
// backticks or tildes.
func openFence(l []byte) (fenceState, bool) {
	if len(l) < 3 || (l[0] != '`' && l[0] != '~') {
		return fenceState{}, false
	}
	n := 0
	for n < len(l) && l[n] == l[0] {
		n++
	}
	if n < 3 {
		return fenceState{}, false
	}
	return fenceState{open: true, char: l[0], n: n}, true
}

// closes reports whether l, indented ind columns, closes the fence, and
// closes it if so.
func (f *fenceState) closes(l []byte, ind int) bool {
	_, i := indent(l, 0, 0)
	n := 0
	for i+n < len(l) && l[i+n] == f.char {
		n++
	}
	if n < f.n {
		return false
	}
	if _, j := indent(l, i+n, 0); j != len(l) {
		return false
	}
	f.open = false
	return true
}
