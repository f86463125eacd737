package render

import (
	"html/template"

	"github.com/quire-docs/quire/internal/budget"
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/markdown"
	"github.com/quire-docs/quire/internal/pos"
)

// hooks runs the layouts' render hook templates for one page body
// (markdown.Hooks), within the budget of that body's rendering.
type hooks struct {
	t            *layout.Templates
	b            *budget.Budget
	site         *layout.Site
	typ, section string // the page's, for per type and section hooks
}

func (h *hooks) Has(name string) bool { return h.t.HookFile(h.typ, h.section, name) != "" }

func (h *hooks) Run(name string, ctx any) (template.HTML, error) {
	return h.t.Hook(h.b, h.site, h.t.HookFile(h.typ, h.section, name), ctx)
}

// hookOptions returns the render hooks of page p's body, rendered within
// chain, and the function that ends their budget; no hooks (and a no-op)
// when the site has none. toBody maps a position in the markdown rendered to
// one in p's body (nil: the same); .Position
// columns count characters, as diagnostics do.
//
// The hooks see p as .Page the way its shortcodes do, and share one
// budget (Limits) for the body.
func (r *Renderer) hookOptions(p *content.Page, chain []*content.Page, toBody func(line, col int) (int, int)) (markdown.HookOptions, func()) {
	if r.opts.Layouts == nil || !r.opts.Layouts.HasHooks() {
		return markdown.HookOptions{}, func() {}
	}
	b := Limits(r.opts.Config).Start()
	h := &hooks{t: r.opts.Layouts, b: b, site: partialSite(r.opts.Site)}
	if v := r.views[p]; v != nil {
		h.typ, h.section = v.Type, v.Section
	}
	var lines *pos.Lines // made for the first position
	return markdown.HookOptions{
		Run:  h,
		Page: r.page(p, append(chain[:len(chain):len(chain)], p)),
		Position: func(at markdown.Pos) markdown.Position {
			line, col := at.Line, at.Col
			if toBody != nil {
				line, col = toBody(line, col)
			}
			if lines == nil {
				lines = pos.NewAt(r.Source(p), p.BodyLine)
			}
			line += p.BodyLine - 1
			return markdown.Position{Filename: p.File, LineNumber: line, ColumnNumber: lines.CharCol(line, col)}
		},
	}, b.Stop
}

// hooksReadPages reports whether bodies rendered with the site's hooks
// depend on their page (or others): then they are rendered anew in every
// build, as bodies with shortcodes are.
func (r *Renderer) hooksReadPages() bool {
	return r.opts.Layouts != nil && r.opts.Layouts.HasHooks() && r.opts.Layouts.HooksReadPages()
}
