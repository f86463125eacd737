package shortcode

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"html/template"
	"sort"
	"strings"
	"sync"

	"github.com/quire-docs/quire/internal/budget"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/markdown"
	"github.com/quire-docs/quire/internal/pos"
)

// Env is one page's side of an expansion.
type Env struct {
	File string // the page's file, for diagnostics: "content/faq/a.md"
	// Path is the page's slash path within the content dir
	// ("faq/a.md"), for section shortcodes; "": only site-wide ones.
	Path string
	Line int // 1-based line of File where Body starts
	Body []byte
	HTML bool // Body is HTML, not markdown: outputs go in as they are, with no placeholders
	Page any  // .Page in templates
	Site any  // .Site in templates
	// Ref resolves a ref/relref path (without its #anchor) written on this
	// page. nil: every ref fails.
	Ref func(path string) (Target, error)
	// Param looks up the param built-in's key: the page's front matter,
	// then the site's params. nil: none.
	Param func(key string) (any, bool)
}

// Target is the page a ref or relref names.
type Target struct {
	RelPermalink string
	Permalink    string
	Page         any // identifies the page in Anchor
}

// Anchor is a ref or relref to "#id" on Page: the caller checks the id
// once every page's headings are known, and reports Err when it is missing.
type Anchor struct {
	Page any
	ID   string
	Err  *diag.Diagnostic // "... no heading #id on ..." at the shortcode
}

// Expansion is a body with its shortcodes expanded.
type Expansion struct {
	// Markdown is the body to render: {{% %}} output spliced in, and each
	// {{< >}} output replaced by markdown.Placeholder(i) for HTML[i].
	Markdown []byte
	HTML     [][]byte
	Anchors  []Anchor
	segs     []segment
	body     []byte

	linesOnce sync.Once
	mdLines   *pos.Lines // of Markdown, made on BodyPos's first call
	bodyLines *pos.Lines // of body
}

// segment maps a span of Markdown back to the body: copied text maps
// byte for byte, expanded output maps to the start of its shortcode.
type segment struct {
	out, src int
	copied   bool
}

// Expand expands every shortcode of env.Body. Diagnostics (each an error)
// name the file, line and column of the shortcode and its name; a
// shortcode that fails expands to nothing, so every error of the page is
// found in one run.
//
// It never panics: a panic from a template func or a caller's Ref, Param,
// Page or Site method becomes an error at the page, and the body is left
// as written.
func (s *Set) Expand(env Env) (exp *Expansion, diags []*diag.Diagnostic) {
	defer func() {
		if p := recover(); p != nil {
			exp = &Expansion{Markdown: env.Body, body: env.Body}
			diags = []*diag.Diagnostic{diag.Errorf(env.File, max(env.Line, 1), 0, "shortcode: internal error expanding the page: %v", p)}
		}
	}()
	x := &expander{set: s, env: env, exp: &Expansion{body: env.Body}, budget: s.limits.Start()}
	defer x.budget.Stop()
	items, errs := lex(env.Body)
	nodes, perrs := parse(items)
	for _, e := range append(errs, perrs...) {
		d := x.diagAt(e.off, e.name, "%s", e.msg)
		if e.hint != "" {
			d.WithHint("%s", e.hint)
		}
		x.diags = append(x.diags, d)
	}
	x.top(nodes)
	x.exp.Markdown = x.out.Bytes()
	sort.SliceStable(x.diags, func(i, j int) bool {
		a, b := x.diags[i], x.diags[j]
		return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
	})
	return x.exp, x.diags
}

// expander holds the state of one Expand call.
type expander struct {
	set   *Set
	env   Env
	exp   *Expansion
	out   bytes.Buffer
	diags []*diag.Diagnostic
	lines *pos.Lines // of the body, numbered as the file; made on first use
	depth int        // pairs being expanded around the current node
	// budget bounds the page's shortcodes (Options.Limits); once a limit
	// is reached, it is reported once and the shortcodes left expand to
	// nothing.
	budget     *budget.Budget
	overBudget bool // the limit's error is reported
	// lineSegs map the lines of a block built-in's output that are lines
	// of the body to them (offsets from the output's start), so positions
	// in its inner markdown are those of the file; set by blockMarkdown,
	// read where the call's output is placed (top, inner).
	lineSegs []segment
	// inline holds the inline shortcodes defined so far on the page.
	inline map[string]*entry
}

// copyText copies the body's text between start and end to the output.
// Where the author's text holds what the markdown stage would read as a
// placeholder ("^QSC0^"), its prefix becomes a placeholder of its own that
// stands for the same text, so no shortcode's output ever replaces it.
// HTML bodies have no placeholders and are copied as they are.
func (x *expander) copyText(start, end int) {
	text := x.env.Body[start:end]
	prefix := []byte(markdown.PlaceholderPrefix)
	for !x.env.HTML {
		k := bytes.Index(text, prefix)
		if k < 0 {
			break
		}
		x.copySegment(start, text[:k])
		x.exp.segs = append(x.exp.segs, segment{out: x.out.Len(), src: start + k})
		x.exp.HTML = append(x.exp.HTML, prefix) // safe in text, attributes and code: no character HTML escapes
		x.out.WriteString(markdown.Placeholder(len(x.exp.HTML) - 1))
		start, text = start+k+len(prefix), text[k+len(prefix):]
	}
	x.copySegment(start, text)
}

// copySegment writes b, which stands at src in the body, mapped byte for
// byte.
func (x *expander) copySegment(src int, b []byte) {
	if len(b) == 0 {
		return
	}
	x.exp.segs = append(x.exp.segs, segment{out: x.out.Len(), src: src, copied: true})
	x.out.Write(b)
}

// maxNesting is how deep pairs may nest. Each level copies the text of
// the levels inside it, and expansion recurses once per level, so
// without a bound a body of a few hundred kilobytes of unclosed-looking
// pairs takes minutes, and a larger one exhausts the stack.
const maxNesting = 100

func (x *expander) top(nodes []*Node) {
	ordinal := 0
	for _, n := range nodes {
		start := x.out.Len()
		switch {
		case n.Tag == nil && !n.escaped():
			x.copyText(n.Start, n.End)
			continue
		case n.escaped() && (n.Code || x.env.HTML):
			// Code and comments show text as it is; an HTML body needs it escaped.
			if n.Code && !x.env.HTML {
				x.out.WriteString(n.Literal)
			} else {
				x.out.WriteString(html.EscapeString(n.Literal))
			}
		case n.escaped():
			// A placeholder, so markdown (quotes, emphasis) leaves it alone.
			x.exp.HTML = append(x.exp.HTML, []byte(html.EscapeString(n.Literal)))
			x.out.WriteString(markdown.Placeholder(len(x.exp.HTML) - 1))
		default:
			x.lineSegs = nil
			out := x.call(n, nil, ordinal, !x.env.HTML)
			if out == "" {
				x.lineSegs = nil // failed: nothing is where they point
			}
			x.out.WriteString(out)
			ordinal++
		}
		x.exp.segs = append(x.exp.segs, segment{out: start, src: n.Start})
		for _, sg := range x.lineSegs { // a block's lines of the body, at their own place
			sg.out += start
			x.exp.segs = append(x.exp.segs, sg)
		}
		x.lineSegs = nil
	}
}

// call expands the shortcode n and returns what replaces it: its output,
// or, for HTML output when placeholders is set, a placeholder.
func (x *expander) call(n *Node, parent *Call, ordinal int, placeholders bool) string {
	t := n.Tag
	if x.budget.Err() != nil {
		return "" // reported where it was reached
	}
	if x.depth >= maxNesting {
		x.diags = append(x.diags, x.diagAt(n.Start, t.Name, "shortcodes nested more than %d deep", maxNesting).
			WithHint("close the pairs around it sooner"))
		return ""
	}
	inline := isInline(t.Name)
	var e *entry
	var ok bool
	if inline {
		if e, ok = x.inlineShortcode(n); !ok {
			return ""
		}
	} else if e, ok = x.set.lookup(t.Name, x.env.Path); !ok {
		d := x.diagAt(n.Start, t.Name, "unknown shortcode")
		if near := diag.Closest(t.Name, x.set.names()); near != "" {
			d.WithHint("did you mean %q? Shortcodes are layouts/shortcodes/NAME.html or a built-in", near)
		} else {
			d.WithHint("add its template as layouts/shortcodes/%s.html", t.Name)
		}
		x.diags = append(x.diags, d)
		return ""
	}
	named, positional := 0, 0
	for _, p := range t.Params {
		if p.Name != "" {
			named++
		} else {
			positional++
		}
	}
	switch {
	case named > 0 && positional > 0:
		x.diags = append(x.diags, x.diagAt(n.Start, t.Name, "mixes positional and named parameters").
			WithHint("give every parameter a name, or none"))
		return ""
	case e.inner && !n.Closed && !t.SelfClose:
		x.diags = append(x.diags, x.diagAt(n.Start, t.Name, "%s is not closed: no %s follows", openTag(t), closeTag(t)).
			WithHint("its template uses .Inner: close it with %s, or write it self-closing as %s", closeTag(t), selfClosing(t)))
		return ""
	case n.Closed && !e.inner && !inline:
		x.diags = append(x.diags, x.diagAt(n.Start, t.Name, "%s takes no inner content, but %s closes it", openTag(t), closeTag(t)).
			WithHint("remove the closing tag, or use .Inner in %s", e.file))
		return ""
	}
	c := &Call{
		Name: t.Name, Page: x.env.Page, Site: x.env.Site, Parent: parent,
		Position: x.position(n.Start), Ordinal: ordinal, IsNamedParams: named > 0, params: t.Params, offset: n.Start,
	}
	if n.Closed && !inline { // an inline shortcode's inner text is its template
		c.Inner = template.HTML(x.inner(n, c, placeholders && (t.Markdown || e.block)))
	}
	out, kind, err := e.run(x, c)
	if err == nil && e.tmpl == nil {
		err = x.budget.Charge(e.file, len(out)) // built into Go: no writer
	}
	var be *budget.Error
	if errors.As(err, &be) {
		if !x.overBudget { // the innermost shortcode, where it was reached
			x.overBudget = true
			x.diags = append(x.diags, x.diagAt(n.Start, t.Name, "%s", be.Error()))
		}
		return ""
	}
	if err != nil {
		msg := err.Error()
		if e.tmpl != nil {
			var line int
			msg, line = tidyTemplateErr(e.file, err)
			if line > 0 { // the template's line too: errorf's position, or a failed call's
				msg = fmt.Sprintf("%s:%d: %s", e.file, line, msg)
			} else {
				msg = e.file + ": " + msg
			}
		}
		x.diags = append(x.diags, x.diagAt(n.Start, t.Name, "%s", msg))
		return ""
	}
	if placeholders && (kind == asHTML || kind == asWritten && !t.Markdown) {
		x.exp.HTML = append(x.exp.HTML, []byte(out))
		return markdown.Placeholder(len(x.exp.HTML) - 1)
	}
	return out
}

// inner expands the nodes between n's tags.
func (x *expander) inner(n *Node, c *Call, placeholders bool) string {
	var b strings.Builder
	ordinal := 0
	x.depth++
	defer func() { x.depth-- }()
	for _, m := range n.Inner {
		switch {
		case m.Tag == nil && !m.escaped():
			c.innerSpans = append(c.innerSpans, innerSpan{in: b.Len(), src: m.Start, n: m.End - m.Start})
			b.Write(x.env.Body[m.Start:m.End])
		case m.escaped():
			b.WriteString(m.Literal)
		default:
			x.lineSegs = nil
			out := x.call(m, c, ordinal, placeholders)
			if out != "" { // a block's lines of the body stay lines of the body in c's inner text
				for k, sg := range x.lineSegs {
					if sg.copied && k+1 < len(x.lineSegs) {
						c.innerSpans = append(c.innerSpans, innerSpan{in: b.Len() + sg.out, src: sg.src, n: x.lineSegs[k+1].out - sg.out})
					}
				}
			}
			x.lineSegs = nil
			b.WriteString(out)
			ordinal++
		}
	}
	return b.String()
}

func selfClosing(t *Tag) string {
	if t.Markdown {
		return "{{% " + t.Name + " /%}}"
	}
	return "{{< " + t.Name + " />}}"
}

// position is the Position of body offset off.
func (x *expander) position(off int) Position {
	line, col := x.lineCol(off)
	return Position{Filename: x.env.File, LineNumber: line, ColumnNumber: col}
}

// lineCol converts a body offset to the file's 1-based line and
// character column.
func (x *expander) lineCol(off int) (int, int) {
	if x.lines == nil {
		x.lines = pos.NewAt(x.env.Body, max(x.env.Line, 1))
	}
	return x.lines.Position(off)
}

// diagAt returns an error at body offset off naming the shortcode.
func (x *expander) diagAt(off int, name, format string, args ...any) *diag.Diagnostic {
	line, col := x.lineCol(off)
	msg := fmt.Sprintf(format, args...)
	if name != "" {
		msg = fmt.Sprintf("shortcode %q: %s", name, msg)
	}
	return diag.Errorf(x.env.File, line, col, "%s", msg)
}

// BodyPos maps a 1-based line and byte column of Markdown to the line
// and byte column of the body it came from: text maps to itself, output
// of a shortcode to the start of the shortcode. An unknown position (line
// or column below 1, as the zero markdown.Pos) is returned as it is.
// Markdown must not change once BodyPos is called.
func (e *Expansion) BodyPos(line, col int) (int, int) {
	if line < 1 || col < 1 {
		return line, col
	}
	e.linesOnce.Do(func() {
		e.mdLines, e.bodyLines = pos.New(e.Markdown), pos.New(e.body)
	})
	off := e.mdLines.ByteOffset(line, col)
	i := sort.Search(len(e.segs), func(i int) bool { return e.segs[i].out > off }) - 1
	if i < 0 {
		return line, col
	}
	s := e.segs[i]
	src := s.src
	if s.copied {
		src += off - s.out
	}
	return e.bodyLines.BytePosition(src)
}
