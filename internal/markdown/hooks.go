package markdown

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

// Hooks runs a site's render hook templates, Hugo's
// layouts/_markup/render-NAME.html: the markdown stage asks for one by
// name and hands it a context, and what it returns stands in the page for
// the element it renders.
//
// The names are "link", "image", "heading", "blockquote", "codeblock-LANG"
// (tried first for a fenced code block in LANG), "codeblock" and "table".
// The contexts are *LinkContext (link and image), *HeadingContext,
// *BlockquoteContext, *CodeblockContext and *TableContext.
type Hooks interface {
	// Has reports whether there is a hook template for name.
	Has(name string) bool
	// Run executes the hook template name with ctx as its ".".
	Run(name string, ctx any) (template.HTML, error)
}

// Position is where a hook's element is, as Hugo's .Position: it prints
// as "file:line:col".
type Position struct {
	Filename     string
	LineNumber   int
	ColumnNumber int
}

// String returns "file:line:col", without the parts that are unknown.
func (p Position) String() string {
	switch {
	case p.LineNumber <= 0:
		return p.Filename
	case p.Filename == "":
		return fmt.Sprintf("%d:%d", p.LineNumber, p.ColumnNumber)
	}
	return fmt.Sprintf("%s:%d:%d", p.Filename, p.LineNumber, p.ColumnNumber)
}

// LinkContext is the "." of the link and image hooks.
type LinkContext struct {
	Page        any    // HookOptions.Page
	PageInner   any    // the same: quire has no page inside a page
	Destination string // as resolved (RenderOptions.Resolve): "/docs/x/#y" for "x.md#y"
	Title       string
	Text        template.HTML // the link text, or the image description, rendered
	PlainText   string
	Attributes  map[string]any // of an image: {key=value} after it, none when !Unsafe
	Ordinal     int            // 0-based, counting links (or images) of the page
	Position    Position
}

// HeadingContext is the "." of the heading hook.
type HeadingContext struct {
	Page       any
	PageInner  any
	Level      int    // as rendered: RenderOptions.NormalizeHeadings may close gaps
	Anchor     string // the heading's id
	Text       template.HTML
	PlainText  string
	Attributes map[string]any // {.class key=value}, the id left out; only class when !Unsafe
	Ordinal    int
	Position   Position
}

// BlockquoteContext is the "." of the blockquote hook. A quote whose first
// line is GitHub's alert syntax, "[!NOTE]" (optionally followed by "+" or
// "-" and a title), has Type "alert", AlertType the word lowercased
// ("note") and Text without that line; any other has Type "regular".
type BlockquoteContext struct {
	Page       any
	PageInner  any
	Type       string
	AlertType  string
	AlertTitle template.HTML
	AlertSign  string // "+", "-" or ""
	Text       template.HTML
	Attributes map[string]any
	Ordinal    int
	Position   Position
}

// CodeblockContext is the "." of the codeblock hooks.
type CodeblockContext struct {
	Page      any
	PageInner any
	Type      string // the language: "go", "mermaid"; "" for none
	// Inner is the code as written (shortcodes expanded).
	Inner string
	// Options are the highlighting attributes of the info string
	// (linenos, hl_lines, linenostart, anchorlinenos, lineanchors,
	// lineNumbersInTable, style, noclasses, tabwidth, guesssyntax,
	// hl_inline); Attributes are the others (title, id, class, ...).
	Options    map[string]any
	Attributes map[string]any
	Ordinal    int
	Position   Position
}

// HookError is a render hook that failed on the element at Pos.
type HookError struct {
	Pos  Pos
	Hook string // "link", "codeblock-mermaid", ...
	Err  error
}

func (e *HookError) Error() string { return "render hook " + e.Hook + ": " + e.Err.Error() }
func (e *HookError) Unwrap() error { return e.Err }

// HookOptions are a page's render hooks: RenderOptions.Hooks.
type HookOptions struct {
	Run  Hooks // nil: no hooks
	Page any   // the contexts' .Page
	// Position turns a position in the markdown rendered into the
	// contexts' .Position; nil gives the markdown's line and column.
	Position func(Pos) Position
}

// hooksKey is the document attribute holding a render's *hookState (see
// shortcodesKey).
const hooksKey = "\x00quire-hooks"

// hookState is one render's hooks and what they did.
type hookState struct {
	opts     HookOptions
	unsafe   bool // Options.Unsafe: hooks see every {key=value} attribute
	lines    *lazyLines
	ordinals map[string]int
	links    map[ast.Node]int // link and image nodes → their index in Result.Links
	traced   map[int][]string // index in Result.Links → the URLs its hook wrote
	table    *tableCapture    // of the table hook running
	ran      int              // hooks run: Result.Hooked
}

func newHookState(opts HookOptions, unsafe bool, src []byte, linkNodes []ast.Node) *hookState {
	st := &hookState{opts: opts, unsafe: unsafe, lines: &lazyLines{src: src}, ordinals: map[string]int{}, links: map[ast.Node]int{}, traced: map[int][]string{}}
	for i, n := range linkNodes {
		if n != nil {
			st.links[n] = i
		}
	}
	return st
}

// hooksOf returns the hook state of n's document, nil when the render has
// no hooks.
func hooksOf(n ast.Node) *hookState {
	doc := n.OwnerDocument()
	if doc == nil {
		return nil
	}
	v, _ := doc.AttributeString(hooksKey)
	st, _ := v.(*hookState)
	return st
}

// ordinal returns the next ordinal of kind.
func (st *hookState) ordinal(kind string) int {
	o := st.ordinals[kind]
	st.ordinals[kind] = o + 1
	return o
}

// position returns the hook position of byte offset off of the markdown.
func (st *hookState) position(off int) Position {
	p := st.lines.pos(off)
	if st.opts.Position != nil {
		return st.opts.Position(p)
	}
	return Position{LineNumber: p.Line, ColumnNumber: p.Col}
}

// trace records the URLs the hook of link node n wrote in out, for the
// link check to trace them to the link.
func (st *hookState) trace(n ast.Node, out template.HTML) {
	i, ok := st.links[n]
	if !ok {
		return
	}
	st.traced[i] = urlsIn(string(out))
}

// tracedLinks returns links with what hooks wrote: a link whose hook wrote
// URLs gets the first as its URL, and a copy of it for each other one, at
// the same place, so every URL in the HTML is traced to the markdown.
func (st *hookState) tracedLinks(links []Link) []Link {
	if len(st.traced) == 0 {
		return links
	}
	out := make([]Link, 0, len(links))
	for i, l := range links {
		urls := st.traced[i]
		if len(urls) == 0 {
			out = append(out, l)
			continue
		}
		for _, u := range urls {
			l.URL = u
			out = append(out, l)
		}
	}
	return out
}

// urlsIn returns the href and src attribute values of the tags of an HTML
// fragment, in order.
func urlsIn(s string) []string {
	var out []string
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			for {
				k, v, more := z.TagAttr()
				if key := string(k); key == "href" || key == "src" {
					out = append(out, string(v))
				}
				if !more {
					break
				}
			}
		}
	}
}
