package render

import (
	"errors"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/highlight"
	"github.com/quire-docs/quire/internal/markdown"
	"github.com/quire-docs/quire/internal/pos"
)

// Page renders page p's body (through Body) and returns it with every
// diagnostic of the page's markdown pass, in the order to report them:
// shortcode errors, then the markdown error that left the page without
// content (Body.Err, or a nesting error at its position), else the
// warnings of removed raw HTML and unknown code languages.
func (r *Renderer) Page(p *content.Page) (*Body, diag.List) {
	b := r.Body(p, nil)
	ds := diag.List(append([]*diag.Diagnostic(nil), b.Diags...))
	var lines *pos.Lines // made for the first position
	at := func(at markdown.Pos) (int, int) {
		if lines == nil {
			lines = pos.NewAt(r.Source(p), p.BodyLine)
		}
		line := p.BodyLine + at.Line - 1
		return line, lines.CharCol(line, at.Col)
	}
	if b.Err != nil {
		var ne *markdown.NestingError
		if errors.As(b.Err, &ne) {
			line, col := at(ne.Pos)
			ds.Add(diag.Errorf(p.File, line, col, "%v", ne).WithHint("nest lists and block quotes less deeply"))
		} else if he := (*markdown.HookError)(nil); errors.As(b.Err, &he) {
			line, col := at(he.Pos)
			ds.Add(diag.Errorf(p.File, line, col, "%v", he))
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
	for _, w := range b.Result.Warnings {
		line, col := at(w.Pos)
		ds.Add(diag.Warnf(p.File, line, col, "%s", w.Msg).WithHint("%s", w.Hint))
	}
	return b, ds
}
