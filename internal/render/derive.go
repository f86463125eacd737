package render

import (
	"html/template"
	"strings"

	"github.com/quire-docs/quire/internal/clientlib"
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/faq"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/outline"
	"github.com/quire-docs/quire/internal/toc"
)

// faqType is the page type whose pages carry FAQPage structured data.
const faqType = "faq"

// maxSummary is the most characters of the first paragraph used as a
// page's meta description when front matter has none.
const maxSummary = 160

// Derived is what a page's view gets from its rendered body besides the
// HTML.
type Derived struct {
	TOC     *toc.TOC
	TOCHTML template.HTML
	Outline outline.Outline // the body's text by section, for search
	Summary string          // the first paragraph, shortened (.Summary)
	JSONLD  template.JS     // FAQPage structured data on FAQ pages that are not drafts
	Libs    clientlib.Lib   // the client-side libraries the body needs
}

// Derive reads page p's rendered body once for its view v: the TOC, and
// the outline, from which come the search index's sections, the
// description fallback and, on FAQ pages, the FAQPage JSON-LD.
func (r *Renderer) Derive(p *content.Page, v *layout.Page, b *Body) Derived {
	d := Derived{TOC: r.TOC(p, b.Result.Headings)}
	d.TOCHTML = d.TOC.HTML()
	d.Outline = outline.Parse([]byte(b.HTML))
	d.Summary = summary(d.Outline.Summary, maxSummary)
	d.Libs = clientlib.Uses(string(b.HTML)) // no copy: the HTML is a string
	if v.Type == faqType && !v.Draft {
		d.JSONLD = template.JS(faq.JSONLD(faq.Questions(d.Outline.Sections)))
	}
	return d
}

// Apply sets v's body fields but Content to d's.
func (d *Derived) Apply(v *layout.Page) {
	v.TOC, v.TableOfContents, v.Summary, v.JSONLD = d.TOC, d.TOCHTML, d.Summary, d.JSONLD
	v.HasMath, v.HasMermaid = d.Libs&clientlib.Math != 0, d.Libs&clientlib.Mermaid != 0
}

// TOC builds page p's TOC from its headings, the config levels and the
// page's own toc setting. It is never nil, so templates can range over
// .TOC.Entries; it is empty when disabled or when no heading is in range.
func (r *Renderer) TOC(p *content.Page, hs []toc.Heading) *toc.TOC {
	if p.TOC.Disabled {
		return &toc.TOC{}
	}
	cfg := r.opts.Config.TOC
	opts := toc.Options{StartLevel: cfg.StartLevel, EndLevel: cfg.EndLevel, Ordered: cfg.Ordered}
	if p.TOC.StartLevel != 0 {
		opts.StartLevel = p.TOC.StartLevel
	}
	if p.TOC.EndLevel != 0 {
		opts.EndLevel = p.TOC.EndLevel
	}
	if t := toc.Build(hs, opts); t != nil {
		return t
	}
	return &toc.TOC{}
}

// summary shortens s to at most n characters, at a word boundary, with an
// ellipsis when it was cut.
func summary(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	cut := string(rs[:n-1])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}
