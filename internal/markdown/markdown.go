// Package markdown converts a page body to HTML with goldmark and quire's
// extensions, and reports its headings and links with source positions.
package markdown

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"

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
	// Unsafe renders raw HTML and every heading attribute written as
	// {key=value}. When false (the mode for untrusted authors) raw HTML is
	// dropped and reported in Result.RawHTML, and headings keep only their
	// id and class attributes.
	Unsafe bool
	// ReservedIDs are ids the page must not use, such as those of the
	// layout around it: every Render starts with them taken, so a heading
	// whose slug or custom {#id} equals one gets "-1" (or the next free
	// suffix) instead. Nothing else is reserved.
	ReservedIDs []string
	// HeadingIDs is how headings get their automatic ids: "github" (or "",
	// Slug) or "blackfriday" (SlugBlackfriday), as Hugo's
	// markup.goldmark.parser.autoHeadingIDType.
	HeadingIDs string
	// MaxNesting is the deepest nesting of lists and block quotes a page
	// may have; RenderPage refuses a deeper one with a *NestingError
	// before parsing it. 0 means DefaultMaxNesting.
	MaxNesting int
	// Math, when not nil, is where TeX is written (see Math); nil
	// parses none, and a ```math fence is code.
	Math *Math
	// Mermaid renders a ```mermaid fence as <pre class="mermaid"> for the
	// theme's script to draw, rather than as highlighted code.
	Mermaid bool
}

// Pos is a 1-based position in the markdown body. Col counts bytes, as
// go/token does: the first byte of a line is column 1.
type Pos struct{ Line, Col int }

// Link is a link or image destination found in the body.
type Link struct {
	Dest string // as written in the page
	// URL is as rendered: Dest after RenderOptions.Resolve, else Dest;
	// for a link rendered by a hook, a URL the hook wrote (one Link for
	// each href or src it wrote, all at the link's Pos).
	URL   string
	Image bool
	Pos   Pos
}

// Resolver rewrites a link or image destination as written in the page
// (e.g. "../upgrade.md#rollback", "diagram.png", "/docs/x/") to the URL
// to put in the HTML; ok=false keeps the destination as written.
//
// It is called once per inline link, reference link use and image, in
// document order, fragment-only destinations ("#x") included: the
// resolver decides what to do with them. It is not called for autolinks,
// linkified bare URLs or links inside raw HTML. Its URL is rendered as
// any destination is (URL-escaped; when !Options.Unsafe a dangerous
// scheme such as javascript: is dropped).
type Resolver func(dest string) (url string, ok bool)

// RenderOptions are per-page choices.
type RenderOptions struct {
	Resolve Resolver // nil keeps every destination as written
	// Shortcodes are the HTML outputs of the {{< >}} shortcodes of the
	// page, Shortcodes[i] standing in src as Placeholder(i). nil: src has
	// no placeholders, and is parsed without looking for them.
	Shortcodes [][]byte
	// Hooks are the page's render hooks; without Hooks.Run, none.
	Hooks HookOptions
	// NormalizeHeadings renders heading levels without gaps, from h2 on
	// (see headinglevel.go); false renders them as written. Either way
	// Result.Headings has the levels as written.
	NormalizeHeadings bool
}

// Result is one rendered body.
type Result struct {
	HTML     []byte
	Headings []toc.Heading
	Links    []Link
	RawHTML  []Pos // where raw HTML was removed (only when !Unsafe)
	// BadLangs are the fenced code blocks whose language is not a
	// highlight.ValidLanguage: each is rendered as plain code.
	BadLangs []BadLang
	// Warnings are what the body asks for that is not done, such as an
	// unknown code fence attribute, in document order.
	Warnings []Warning
	// Hooked is how many elements render hooks rendered.
	Hooked int
}

// Warning is something in the body that is rendered otherwise than
// written, at Pos, with an optional Hint on what to write instead.
type Warning struct {
	Pos       Pos
	Msg, Hint string
}

// Renderer is safe for concurrent use.
//
// It holds one goldmark instance, built by New; each Render gets its own
// parser context and heading-id set, so ids never leak between pages.
type Renderer struct {
	md       goldmark.Markdown
	mdSC     goldmark.Markdown // md with placeholderExt, for pages with shortcodes
	unsafe   bool
	reserved []string // Options.ReservedIDs, copied
	bf       bool     // Options.HeadingIDs == "blackfriday"
	nesting  int      // Options.MaxNesting, defaulted
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
	// alertPriority: before admonitions, so a quote that is an alert
	// starts with its title node and is not read again as "> **Note**".
	alertPriority = 150
	// admonitionPriority: only sets a class on blockquotes, reading
	// nothing another transformer writes; after heading ids for no other
	// reason than keeping them first.
	admonitionPriority = 200
	// headingLevelPriority: reads only the levels the parser set, which
	// no transformer changes; after the others for no other reason.
	headingLevelPriority = 300
	// nodeRendererPriority must be below 1000 to override goldmark's
	// heading, code block and raw HTML renderers.
	nodeRendererPriority = 100
	// hookRendererPriority must be below nodeRendererPriority: the hook
	// renderer takes the place of the node renderers and calls them for
	// what no hook renders.
	hookRendererPriority = 50
)

// New returns a Renderer.
func New(opts Options) *Renderer {
	r := &Renderer{md: newGoldmark(opts), mdSC: newGoldmark(opts, placeholderExt{}), unsafe: opts.Unsafe, reserved: slices.Clone(opts.ReservedIDs)}
	r.bf = opts.HeadingIDs == "blackfriday"
	r.nesting = opts.MaxNesting
	if r.nesting <= 0 {
		r.nesting = DefaultMaxNesting
	}
	return r
}

// newGoldmark returns the goldmark instance with quire's extensions and
// the extra ones.
func newGoldmark(opts Options, extra ...goldmark.Extender) goldmark.Markdown {
	var htmlOpts []html.Option // for goldmark's link renderers, which ipv6Links wraps
	nr := &nodeRenderer{unsafe: opts.Unsafe, math: opts.Math != nil, mermaid: opts.Mermaid}
	if opts.Math != nil {
		extra = append(extra, mathExt{m: *opts.Math})
	}
	rendererOpts := []renderer.Option{
		renderer.WithNodeRenderers(util.Prioritized(nr, nodeRendererPriority)),
		renderer.WithNodeRenderers(util.Prioritized(alertTitleRenderer{}, nodeRendererPriority)),
	}
	if opts.Unsafe {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
		htmlOpts = append(htmlOpts, html.WithUnsafe())
	}
	ipv6 := newIPv6Links(htmlOpts...)
	rendererOpts = append(rendererOpts, renderer.WithNodeRenderers(util.Prioritized(ipv6, nodeRendererPriority)))
	// The hook renderer falls back on what it replaces: goldmark's
	// renderers, then quire's over them.
	next := funcTable{}
	html.NewRenderer(htmlOpts...).RegisterFuncs(next)
	extension.NewTableHTMLRenderer().RegisterFuncs(next) // as extension.GFM's
	ipv6.RegisterFuncs(next)
	nr.RegisterFuncs(next)
	alertTitleRenderer{}.RegisterFuncs(next)
	rendererOpts = append(rendererOpts, renderer.WithNodeRenderers(util.Prioritized(&hookRenderer{next: next}, hookRendererPriority)))
	return goldmark.New(
		goldmark.WithExtensions(extra...),
		goldmark.WithExtensions(
			extension.GFM, // tables, strikethrough, linkify, task lists
			extension.Footnote,
			extension.DefinitionList,
			// Quotes, apostrophes and ellipsis only: "--" and "---" stay
			// as written, so "--drafts" in prose reads as the flag and a
			// heading's slug keeps its hyphens, as on GitHub. A nil
			// substitution disables it.
			extension.NewTypographer(extension.WithTypographicSubstitutions(
				map[extension.TypographicPunctuation][]byte{
					extension.EnDash: nil,
					extension.EmDash: nil,
				})),
		),
		goldmark.WithParserOptions(
			// {#id .class} on headings. Auto heading ids are NOT enabled:
			// goldmark would slug the raw source line (link markup
			// included); headingIDs slugs the parsed text instead.
			parser.WithAttribute(),
			parser.WithASTTransformers(
				util.Prioritized(headingIDs{}, headingIDPriority),
				util.Prioritized(alerts{}, alertPriority),
				util.Prioritized(admonitions{}, admonitionPriority),
				util.Prioritized(headingLevels{}, headingLevelPriority),
			),
		),
		goldmark.WithRendererOptions(rendererOpts...),
	)
}

// Render converts src; it is RenderPage with no per-page options.
func (r *Renderer) Render(src []byte) (Result, error) {
	return r.RenderPage(src, RenderOptions{})
}

// RenderPage converts src. It never panics on any input.
//
// Positions in the Result are 1-based line and byte column in src.
// The error is a *NestingError for a page nested deeper than
// Options.MaxNesting, which is not parsed; otherwise it is non-nil only if
// goldmark's renderer fails, which it does not for a bytes.Buffer; a
// recovered panic from a dependency is also returned as an error rather
// than crashing the build.
//
// Link destinations are resolved on the parsed AST, in the walk that
// collects links, between parsing and rendering: the resolver belongs to
// this call only, so it cannot live in the shared goldmark instance (an
// AST transformer is registered once per Renderer).
func (r *Renderer) RenderPage(src []byte, opts RenderOptions) (res Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = Result{}, fmt.Errorf("markdown: internal error rendering page: %v", p)
		}
	}()
	if err := checkNesting(src, r.nesting); err != nil {
		return Result{}, err
	}
	md := r.md
	if opts.Shortcodes != nil {
		md = r.mdSC
	}
	pc := parser.NewContext(parser.WithIDs(newSlugger(r.reserved, r.bf)))
	if opts.Shortcodes != nil {
		pc.Set(shortcodesCtx, opts.Shortcodes)
	}
	if opts.NormalizeHeadings {
		pc.Set(normalizeCtx, true)
	}
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))

	c := collect(doc, src, !r.unsafe, opts.Resolve, opts.Shortcodes, opts.Hooks.Run)
	res.Headings, res.Links, res.RawHTML, res.BadLangs, res.Warnings = c.headings, c.links, c.rawHTML, c.badLangs, c.warnings

	if opts.Hooks.Run != nil {
		st := newHookState(opts.Hooks, r.unsafe, src, c.linkNodes)
		doc.SetAttributeString(hooksKey, st)
		w := &hookWriter{}
		w.out.Grow(len(src) + len(src)/2)
		if err := md.Renderer().Render(w, src, doc); err != nil {
			return Result{}, err // a hook's error, which names its template
		}
		res.HTML, res.Links, res.Hooked = w.out.Bytes(), st.tracedLinks(res.Links), st.ran
		return res, nil
	}
	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/2)
	if err := md.Renderer().Render(&buf, src, doc); err != nil {
		return Result{}, fmt.Errorf("markdown: %w", err)
	}
	res.HTML = buf.Bytes()
	return res, nil
}

// Placeholder is the text that stands for RenderOptions.Shortcodes[i] in
// a page body. It starts with punctuation, as goldmark tries inline
// parsers only at punctuation and word starts, and holds nothing else that
// markdown gives a meaning ("^" only means something after "[" in a
// footnote), so goldmark keeps it as written in text, link destinations
// and raw HTML.
func Placeholder(i int) string { return PlaceholderPrefix + strconv.Itoa(i) + placeholderSuffix }

// PlaceholderPrefix starts every Placeholder. The shortcode stage turns
// the author's own text of it into a placeholder standing for that text,
// so a page can contain it literally.
const PlaceholderPrefix = "^QSC"

const (
	placeholderPrefix = PlaceholderPrefix
	placeholderSuffix = "^"
)
