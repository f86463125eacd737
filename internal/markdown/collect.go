package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/quire-docs/quire/internal/pos"
	"github.com/quire-docs/quire/internal/toc"
)

// collected is what one walk over a parsed page finds.
type collected struct {
	headings  []toc.Heading
	links     []Link
	linkNodes []ast.Node // the node of each of links; nil for an autolink
	rawHTML   []Pos
	badLangs  []BadLang
	warnings  []Warning
}

// collect walks doc once and gathers headings, link destinations and, when
// rawHTML is set, the places of raw HTML. When resolve is non-nil it
// rewrites the destination of every link and image node (reference links
// are link nodes by now, with the definition's destination); autolinks
// are left alone.
//
// Link positions come from goldmark's node positions: the '[' of a link
// (inline, reference or shortcut), the '!' of an image, the '<' of an
// autolink, or the first character of a bare (linkify) URL.
//
// Each fenced code block's info string is read (setFence) for the
// renderer, and what is not applied of it reported.
//
// Shortcode placeholders in destinations and titles are replaced by the
// outputs in shortcodes first, so Dest is the URL the shortcode wrote.
//
// A code block that a render hook renders (hooks is nil for none) reports
// only attributes that do not parse: the hook reads the others as it
// likes.
func collect(doc ast.Node, src []byte, rawHTML bool, resolve Resolver, shortcodes [][]byte, hooks Hooks) collected {
	var c collected
	lines := lazyLines{src: src}
	fences := 0 // fenced code blocks met, for their ordinals
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			c.headings = append(c.headings, toc.Heading{Level: n.Level, ID: headingID(n), Text: plainText(n, src)})
		case *ast.Link:
			n.Destination = expandPlaceholders(n.Destination, shortcodes)
			n.Title = expandPlaceholders(n.Title, shortcodes)
			l := Link{Dest: string(n.Destination), Pos: lines.pos(linkStart(n, src, '['))}
			n.Destination = resolveDest(&l, n.Destination, resolve)
			c.links, c.linkNodes = append(c.links, l), append(c.linkNodes, n)
		case *ast.Image:
			n.Destination = expandPlaceholders(n.Destination, shortcodes)
			n.Title = expandPlaceholders(n.Title, shortcodes)
			l := Link{Dest: string(n.Destination), Image: true, Pos: lines.pos(linkStart(n, src, '!'))}
			n.Destination = resolveDest(&l, n.Destination, resolve)
			c.links, c.linkNodes = append(c.links, l), append(c.linkNodes, n)
		case *ast.AutoLink:
			dest := autoLinkDest(n, src)
			c.links = append(c.links, Link{Dest: dest, URL: dest, Pos: lines.pos(autoLinkStart(n, src))})
			c.linkNodes = append(c.linkNodes, nil)
		case *ast.FencedCodeBlock:
			f := setFence(n, src, fences)
			fences++
			if n.Info == nil {
				break
			}
			if b, ok := badLang(f.Lang); ok {
				b.Pos = lines.pos(n.Info.Segment.Start)
				c.badLangs = append(c.badLangs, b)
			}
			hooked := hooks != nil && (f.Lang != "" && hooks.Has("codeblock-"+f.Lang) || hooks.Has("codeblock"))
			for _, w := range f.Warnings {
				if hooked && !w.Syntax {
					continue
				}
				c.warnings = append(c.warnings, Warning{Pos: lines.pos(n.Info.Segment.Start + w.Off), Msg: w.Msg, Hint: w.Hint})
			}
		case *ast.HTMLBlock:
			if rawHTML {
				off := n.Pos()
				if n.Lines().Len() > 0 {
					off = n.Lines().At(0).Start
				}
				c.rawHTML = append(c.rawHTML, lines.pos(off))
			}
		case *ast.RawHTML:
			if rawHTML && n.Segments.Len() > 0 {
				c.rawHTML = append(c.rawHTML, lines.pos(n.Segments.At(0).Start))
			}
		}
		return ast.WalkContinue, nil
	})
	return c
}

// resolveDest sets l.URL to what resolve makes of l.Dest (or to l.Dest)
// and returns the destination to render: dest itself when unchanged.
func resolveDest(l *Link, dest []byte, resolve Resolver) []byte {
	l.URL = l.Dest
	if resolve == nil {
		return dest
	}
	url, ok := resolve(l.Dest)
	if !ok {
		return dest
	}
	l.URL = url
	return []byte(url)
}

// linkStart returns the source offset where a link or image starts. goldmark
// records it as the node position; if that is missing or does not point at
// want, fall back to scanning back from the first text of the link for
// want, which is right unless the label itself contains brackets.
func linkStart(n ast.Node, src []byte, want byte) int {
	if p := n.Pos(); p >= 0 && p < len(src) && src[p] == want {
		return p
	}
	for t := n.FirstChild(); t != nil; t = t.FirstChild() {
		if txt, ok := t.(*ast.Text); ok {
			start := min(txt.Segment.Start, len(src))
			if i := bytes.LastIndexByte(src[:start], want); i >= 0 {
				return i
			}
			break
		}
	}
	return n.Pos()
}

// autoLinkDest returns the href goldmark renders for an autolink: e-mail
// addresses get "mailto:".
func autoLinkDest(n *ast.AutoLink, src []byte) string {
	dest := string(n.URL(src))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(dest), "mailto:") {
		dest = "mailto:" + dest
	}
	return dest
}

// autoLinkStart returns the offset of an autolink's '<', or for a bare
// (linkify) URL its first character. goldmark positions a bare URL at the
// character that triggered it (often the space before), so look for the
// label from there.
func autoLinkStart(n *ast.AutoLink, src []byte) int {
	p := n.Pos()
	if p < 0 || p >= len(src) || src[p] == '<' {
		return p
	}
	if i := bytes.Index(src[p:], n.Label(src)); i >= 0 {
		return p + i
	}
	return p
}

// lazyLines gives the positions of offsets of src, from its line table
// made on first use: a page with no link needs none.
type lazyLines struct {
	src   []byte
	lines *pos.Lines
}

// pos returns the position of offset off; a negative (unknown) offset is
// the zero Pos, which diag prints as no position.
func (l *lazyLines) pos(off int) Pos {
	if off < 0 {
		return Pos{}
	}
	if l.lines == nil {
		l.lines = pos.New(l.src)
	}
	line, col := l.lines.BytePosition(off)
	return Pos{Line: line, Col: col}
}
