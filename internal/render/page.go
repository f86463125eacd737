package render

import (
	"bytes"
	"errors"
	"unicode/utf8"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/highlight"
	"github.com/quire-docs/quire/internal/markdown"
)

// Page renders page p's body (through Body) and returns it with every
// diagnostic of the page's markdown pass, in the order to report them:
// shortcode errors, then the markdown error that left the page without
// content (Body.Err, or a nesting error at its position), else the
// warnings of removed raw HTML and unknown code languages.
func (r *Renderer) Page(p *content.Page) (*Body, diag.List) {
	b := r.Body(p, nil)
	ds := diag.List(append([]*diag.Diagnostic(nil), b.Diags...))
	src := r.Source(p)
	at := func(pos markdown.Pos) (int, int) {
		return p.BodyLine + pos.Line - 1, charCol(src, pos.Line, pos.Col)
	}
	if b.Err != nil {
		var ne *markdown.NestingError
		if errors.As(b.Err, &ne) {
			line, col := at(ne.Pos)
			ds.Add(diag.Errorf(p.File, line, col, "%v", ne).WithHint("nest lists and block quotes less deeply"))
		} else {
			ds.AddError(p.File, b.Err)
		}
		return b, ds
	}
	if raw := b.Result.RawHTML; len(raw) > 0 {
		line, col := at(raw[0])
		ds.Add(diag.Warnf(p.File, line, col, "raw HTML removed (%d place(s) on this page)", len(raw)).
			WithHint("set unsafe = true under [markup.goldmark.renderer] in config.toml to keep it"))
	}
	for _, bl := range b.Result.BadLangs {
		line, col := at(bl.Pos)
		ds.Add(diag.Warnf(p.File, line, col, "code block language %q is not a language name; rendered as plain code", bl.Lang).
			WithHint("a language is up to %d letters, digits and _ + # . - such as go or c++", highlight.MaxLanguageLen))
	}
	return b, ds
}

// charCol converts a 1-based byte column on 1-based line of body into the
// character column diagnostics use (as an editor shows it).
func charCol(body []byte, line, col int) int {
	for i := 1; i < line; i++ {
		nl := bytes.IndexByte(body, '\n')
		if nl < 0 {
			return col
		}
		body = body[nl+1:]
	}
	if col-1 > len(body) {
		return col
	}
	return utf8.RuneCount(body[:col-1]) + 1
}
