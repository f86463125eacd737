package site

import (
	"html/template"
	"strings"

	"github.com/quire-docs/quire/internal/faq"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/outline"
)

// searchIndexPath is where the search index is written, under the base
// path; the theme's search script fetches it from there.
const searchIndexPath = "search-index.json"

// faqType is the page type whose pages carry FAQPage structured data.
const faqType = "faq"

// maxSummary is the most characters of the first paragraph used as a
// page's meta description when front matter has none.
const maxSummary = 160

// pageOutline reads the text of v's rendered body once, for the search
// index, the description fallback (.Summary) and, on FAQ pages that are
// not drafts, the FAQPage JSON-LD.
func (b *builder) pageOutline(v *layout.Page, body *pageBody) outline.Outline {
	o := outline.Parse([]byte(body.html))
	v.Summary = summary(o.Summary, maxSummary)
	if v.Type == faqType && !v.Draft {
		v.JSONLD = template.JS(faq.JSONLD(faq.Questions(o.Sections)))
	}
	return o
}

// summary shortens s to at most n characters, at a word boundary, with an
// ellipsis when it was cut.
func summary(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n-1])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}
