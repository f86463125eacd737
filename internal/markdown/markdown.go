// Package markdown converts a page body to HTML with goldmark and quire's
// extensions, and reports its headings and links with source positions.
package markdown

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/quire-docs/quire/internal/toc"
)

// Options configures a Renderer.
type Options struct {
	Unsafe bool // render raw HTML; when false it is dropped and reported in Result.RawHTML
}

// Pos is a 1-based position in the markdown body. Col counts bytes, as
// go/token does: the first byte of a line is column 1.
type Pos struct{ Line, Col int }

// Link is a link or image destination found in the body.
type Link struct {
	Dest  string
	Image bool
	Pos   Pos
}

// Result is one rendered body.
type Result struct {
	HTML     []byte
	Headings []toc.Heading
	Links    []Link
	RawHTML  []Pos // where raw HTML was removed (only when !Unsafe)
}

// Renderer is safe for concurrent use.
//
// It holds one goldmark instance, built by New; each Render gets its own
// parser context and heading-id set, so ids never leak between pages.
type Renderer struct {
	md     goldmark.Markdown
	unsafe bool
}

// Extension priorities. goldmark runs AST transformers in ascending
// priority order, after all block and inline parsing (so after the
// typographer has replaced quotes); node renderers with a lower number
// replace those of goldmark's HTML renderer, which registers at 1000.
const (
	// headingIDPriority: heading ids must be assigned before anything that
	// reads them (none of goldmark's own transformers do); 100 leaves room
	// for a later transformer that rewrites heading text to run first.
	headingIDPriority = 100
	// nodeRendererPriority must be below 1000 to override goldmark's
	// heading, code block and raw HTML renderers.
	nodeRendererPriority = 100
)

// New returns a Renderer.
func New(opts Options) *Renderer {
	rendererOpts := []renderer.Option{
		renderer.WithNodeRenderers(util.Prioritized(&nodeRenderer{unsafe: opts.Unsafe}, nodeRendererPriority)),
	}
	if opts.Unsafe {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	}
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.GFM, // tables, strikethrough, linkify, task lists
			extension.Footnote,
			extension.DefinitionList,
			extension.Typographer,
		),
		goldmark.WithParserOptions(
			// {#id .class} on headings. Auto heading ids are NOT enabled:
			// goldmark would slug the raw source line (link markup
			// included); headingIDs slugs the parsed text instead.
			parser.WithAttribute(),
			parser.WithASTTransformers(util.Prioritized(headingIDs{}, headingIDPriority)),
		),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	return &Renderer{md: md, unsafe: opts.Unsafe}
}

// Render converts src. It never panics on any input.
//
// Positions in the Result are 1-based line and byte column in src.
// The error is non-nil only if goldmark's renderer fails, which it does
// not for a bytes.Buffer; a recovered panic from a dependency is also
// returned as an error rather than crashing the build.
func (r *Renderer) Render(src []byte) (res Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = Result{}, fmt.Errorf("markdown: internal error rendering page: %v", p)
		}
	}()
	pc := parser.NewContext(parser.WithIDs(newSlugger()))
	doc := r.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))

	c := collect(doc, src, !r.unsafe)
	res.Headings, res.Links, res.RawHTML = c.headings, c.links, c.rawHTML

	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/2)
	if err := r.md.Renderer().Render(&buf, src, doc); err != nil {
		return Result{}, fmt.Errorf("markdown: %w", err)
	}
	res.HTML = buf.Bytes()
	return res, nil
}
