package layout

import (
	"html/template"

	"github.com/quire-docs/quire/internal/budget"
)

// Markdownify renders markdown as Hugo's markdownify does: HTML, without
// the <p> around a single paragraph.
type Markdownify func(md string) (template.HTML, error)

// SetMarkdownify gives layouts and partials the markdownify function.
// Without it markdownify fails when it runs. Call it before rendering, not
// during.
func (t *Templates) SetMarkdownify(md Markdownify) { t.markdownify = md }

// Partial executes the partial name for a template outside the layouts,
// such as a shortcode, as the partial function does in a layout: name is
// "nav.html", "nav" or "partials/nav.html" (layouts/_partials/ and
// layouts/partials/, then the embedded theme's), ctx is its ".", site is
// what its site function returns, and what it writes and makes is counted
// against b, the caller's budget (nil: no bound), as if the caller had
// written it. Errors are *diag.Diagnostic naming the partial's file and
// line, or the *budget.Error of a limit reached.
//
// Partial is safe for concurrent use. It runs in the caller's goroutine;
// a caller that b's timeout abandoned runs on in a set no other call uses.
func (t *Templates) Partial(b *budget.Budget, site *Site, name string, ctx any) (template.HTML, error) {
	baseURL := ""
	if site != nil {
		baseURL = site.BaseURL
	}
	s := t.acquire(baseURL)
	defer t.release(baseURL, s)
	set, err := t.set(s, singleName) // every set holds every partial
	if err != nil {
		return "", err
	}
	s.depth.budget, s.depth.site = b, site
	defer func() { s.depth.budget, s.depth.site = nil, nil }()
	return partial(set, s.depth, t.files, name, ctx)
}
