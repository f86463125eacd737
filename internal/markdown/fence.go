package markdown

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/highlight"
)

// fence is what a fenced code block's info string asks for: its language
// and, from a {…} attribute block, Hugo's highlight options, a title, an
// id and classes.
type fence struct {
	Lang  string // the info string's first word, escapes resolved
	Title string // title="main.go": shown above the code
	ID    string // #x or id="x", on the code block's outer element
	Class string // .x or class="x y", space-separated
	Lines highlight.LineOptions
	// Warnings are the attributes that are not applied, and why.
	Warnings []fenceWarning
}

// fenceWarning is an attribute not applied, at byte offset Off of the
// info string.
type fenceWarning struct {
	Off       int
	Msg, Hint string
	Syntax    bool // the attributes do not parse: none is read, by quire or a hook
}

// perLine reports whether the block needs highlight.CodeLines.
func (f *fence) perLine() bool { return f.Lines.Numbers || len(f.Lines.Highlight) > 0 }

// wrapped reports whether the block needs an outer element of its own.
func (f *fence) wrapped() bool { return f.Title != "" || f.ID != "" || f.Class != "" }

// fenceOptions are the attributes quire applies, as Hugo names them
// (compared case-insensitively).
var fenceOptions = []string{"linenos", "hl_lines", "linenostart", "anchorlinenos", "lineanchors", "lineNumbersInTable", "title", "id", "class"}

// hugoOnlyOptions are Hugo highlight options that change nothing in quire:
// styles come from config.toml for the whole site, as CSS classes.
var hugoOnlyOptions = []string{"style", "noclasses", "tabwidth", "guesssyntax", "hl_inline", "codefences", "wrapperclass"}

// maxLineNumber bounds linenostart and hl_lines, so sums of them cannot
// overflow.
const maxLineNumber = 1 << 30

// parseFence reads a fence's info string, as written. ordinal is the
// block's index among the page's fenced code blocks: the ids of its line
// anchors are "hl-ORDINAL-LINE" unless lineanchors gives a prefix.
func parseFence(info string, ordinal int) fence {
	lang, off := splitInfo(info)
	f := fence{Lang: lang}
	if off < 0 {
		return f
	}
	attrs, _, err := parseFenceAttrs(info[off:])
	if err != nil {
		f.Warnings = append(f.Warnings, fenceWarning{Off: off + err.Off,
			Msg:  "code block attributes not applied: " + err.Msg,
			Hint: `write them as in Hugo: {linenos=true, hl_lines=[2,"4-5"], title="main.go"}`, Syntax: true})
		return f
	}
	var (
		linenos      = "false"
		inTable      = true
		start        = 1
		anchors      bool
		anchorPrefix string
		hlLines      [][2]int
		classes      []string
		warn         = func(a fenceAttr, msg string, args ...any) {
			f.Warnings = append(f.Warnings, fenceWarning{Off: off + a.Off, Msg: fmt.Sprintf(msg, args...)})
		}
		badValue = func(a fenceAttr, want string) {
			warn(a, "code block attribute %s=%s: want %s; ignored", a.Name, valueText(a.Value), want)
		}
	)
	for _, a := range attrs {
		v := a.Value
		switch strings.ToLower(a.Name) {
		case "linenos":
			switch t := strings.ToLower(v.Text); {
			case v.Kind != attrArray && (t == "true" || t == "false" || t == "inline" || t == "table"):
				linenos = t
			default:
				badValue(a, "true, false, inline or table")
			}
		case "linenumbersintable":
			if b, ok := boolValue(v); ok {
				inTable = b
			} else {
				badValue(a, "true or false")
			}
		case "anchorlinenos":
			if b, ok := boolValue(v); ok {
				anchors = b
			} else {
				badValue(a, "true or false")
			}
		case "linenostart":
			if n, ok := lineNumber(v.Text, 0); ok && (v.Kind == attrNumber || v.Kind == attrString) {
				start = n
			} else {
				badValue(a, "a line number")
			}
		case "hl_lines":
			r, ok := lineRanges(v)
			if !ok {
				badValue(a, `lines and ranges such as [2, "4-5"] or "2 4-5"`)
				continue
			}
			hlLines = append(hlLines, r...)
		case "lineanchors":
			if v.Kind == attrArray || !validIDText(v.Text) {
				badValue(a, "a prefix for the line ids, such as main")
				continue
			}
			anchorPrefix = v.Text + "-"
		case "title":
			if v.Kind == attrArray {
				badValue(a, "a title, such as \"main.go\"")
				continue
			}
			f.Title = v.Text
		case "id":
			if v.Kind == attrArray || !validIDText(v.Text) {
				badValue(a, "an id without spaces")
				continue
			}
			f.ID = v.Text
		case "class":
			if v.Kind == attrArray || v.Text == "" {
				badValue(a, "class names")
				continue
			}
			classes = append(classes, strings.Fields(v.Text)...)
		default:
			if slicesContainsFold(hugoOnlyOptions, a.Name) {
				warn(a, "code block option %s has no effect in quire; ignored", a.Name)
				f.Warnings[len(f.Warnings)-1].Hint = "quire highlights with the CSS classes of the styles set in config.toml, for the whole site"
				continue
			}
			warn(a, "unknown code block attribute %q; ignored", a.Name)
			hint := "quire reads " + strings.Join(fenceOptions, ", ")
			if c := diag.Closest(a.Name, append(fenceOptions[:len(fenceOptions):len(fenceOptions)], hugoOnlyOptions...)); c != "" {
				hint = fmt.Sprintf("did you mean %s?", c)
			}
			f.Warnings[len(f.Warnings)-1].Hint = hint
		}
	}
	f.Class = strings.Join(classes, " ")
	f.Lines.Numbers = linenos != "false"
	f.Lines.Table = f.Lines.Numbers && (linenos == "table" || linenos == "true" && inTable)
	f.Lines.Start = start
	f.Lines.Anchors = f.Lines.Numbers && anchors
	if f.Lines.Anchors {
		f.Lines.AnchorPrefix = anchorPrefix
		if anchorPrefix == "" {
			f.Lines.AnchorPrefix = "hl-" + strconv.Itoa(ordinal) + "-"
		}
	}
	// hl_lines count from the block's first line whatever linenostart
	// says, as in Hugo; LineOptions counts as numbered on the page.
	for _, r := range hlLines {
		f.Lines.Highlight = append(f.Lines.Highlight, [2]int{r[0] + start - 1, r[1] + start - 1})
	}
	return f
}

// boolValue reads true or false, bare or quoted.
func boolValue(v attrValue) (bool, bool) {
	if v.Kind == attrArray {
		return false, false
	}
	switch strings.ToLower(v.Text) {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	return false, false
}

// lineNumber reads a whole number from min to maxLineNumber.
func lineNumber(s string, min int) (int, bool) {
	n, err := strconv.Atoi(s)
	if err != nil || n < min || n > maxLineNumber {
		return 0, false
	}
	return n, true
}

// lineRanges reads hl_lines: a number, a string of space-separated lines
// and ranges ("2 4-5"), or an array of numbers and such strings.
func lineRanges(v attrValue) ([][2]int, bool) {
	var fields []string
	switch v.Kind {
	case attrArray:
		for _, it := range v.Items {
			if it.Kind == attrArray || it.Kind == attrBool {
				return nil, false
			}
			fields = append(fields, strings.Fields(it.Text)...)
		}
	case attrBool:
		return nil, false
	default:
		fields = strings.Fields(v.Text)
	}
	if len(fields) == 0 {
		return nil, false
	}
	var rs [][2]int
	for _, f := range fields {
		a, b, isRange := strings.Cut(f, "-")
		from, ok1 := lineNumber(a, 1)
		to, ok2 := from, true
		if isRange {
			to, ok2 = lineNumber(b, 1)
		}
		if !ok1 || !ok2 || to < from {
			return nil, false
		}
		rs = append(rs, [2]int{from, to})
	}
	return rs, true
}

// validIDText reports whether s can be an id or an id prefix: not empty,
// no spaces.
func validIDText(s string) bool {
	return s != "" && !strings.ContainsAny(s, " \t\n\r\f")
}

// valueText is v as it would be written, for messages.
func valueText(v attrValue) string {
	switch v.Kind {
	case attrString:
		return strconv.Quote(shorten(v.Text, maxQuoted))
	case attrArray:
		items := make([]string, len(v.Items))
		for i, it := range v.Items {
			items[i] = valueText(it)
		}
		return shorten("["+strings.Join(items, ", ")+"]", maxQuoted)
	}
	return shorten(v.Text, maxQuoted)
}

func slicesContainsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// fenceKey is the node attribute under which collect leaves a fenced code
// block's *fence for renderCode. No attribute written in a page has a
// name starting with a NUL byte, so it meets none.
const fenceKey = "\x00quire-fence"

// setFence reads n's info string, leaves the result on n for fenceOf,
// and returns it.
func setFence(n *ast.FencedCodeBlock, src []byte, ordinal int) *fence {
	var info string
	if n.Info != nil {
		info = string(n.Info.Segment.Value(src))
	}
	f := parseFence(info, ordinal)
	n.SetAttributeString(fenceKey, &f)
	return &f
}

// fenceOf returns what setFence left on n, or reads n's info string now
// (as block 0) if nothing did.
func fenceOf(n *ast.FencedCodeBlock, src []byte) *fence {
	if v, ok := n.AttributeString(fenceKey); ok {
		if f, ok := v.(*fence); ok {
			return f
		}
	}
	return setFence(n, src, 0)
}
