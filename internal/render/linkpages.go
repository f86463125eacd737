package render

import (
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/linkcheck"
	"github.com/quire-docs/quire/internal/markdown"
)

// LinkPages says where each page's HTML came from, for linkcheck.Collect:
// for every page of the tree, in order, its output path and the sources of
// the templates tmpl renders it with; for a page with a file of its own,
// its markdown body and where each of its links is in it (positions[i]
// when positions is not nil, else worked out from the markdown pass's
// links[i] through memo, which may be nil); then the 404 page, made by its
// templates alone. Pages sharing a main template share its sources.
func (r *Renderer) LinkPages(tmpl *layout.Templates, positions [][]linkcheck.MarkdownLink, links [][]markdown.Link, memo *LinkMemo) []linkcheck.Page {
	tree := r.opts.Tree
	pages := make([]linkcheck.Page, 0, len(tree.Pages)+1)
	byMain := map[string][]linkcheck.Template{} // by main template file
	templates := func(srcs []layout.Source) []linkcheck.Template {
		if len(srcs) == 0 {
			return nil
		}
		if t, ok := byMain[srcs[0].File]; ok {
			return t
		}
		t := make([]linkcheck.Template, len(srcs))
		for i, src := range srcs {
			t[i] = linkcheck.Template{File: src.File, Text: src.Text}
		}
		byMain[srcs[0].File] = t
		return t
	}
	for i, p := range tree.Pages {
		lp := linkcheck.Page{Path: p.OutPath, Layouts: templates(tmpl.Sources(r.opts.Site.Pages[i]))}
		if !p.Virtual {
			src := r.Source(p)
			lp.File, lp.Body, lp.BodyLine = p.File, src, p.BodyLine
			if positions != nil {
				lp.Links = positions[i]
			} else {
				lp.Links = memo.Get(p, src, links[i])
			}
		}
		pages = append(pages, lp)
	}
	return append(pages, linkcheck.Page{Path: "404.html", Layouts: templates(tmpl.NotFoundSources())})
}
