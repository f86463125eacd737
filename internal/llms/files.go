package llms

import (
	"net/url"
	"strings"
	"sync"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/publish"
)

// Docs for machines ([llms] enable, on by default): each markdown page's
// twin at its URL + "index.md", made in the render loop from the body
// with its shortcodes expanded (render.Body.Markdown), and llms.txt and
// llms-full.txt from the twins once every page is rendered. A twin's
// links are the page's own, resolved as in its HTML, so the link check
// of the page is theirs: a broken one is reported once, at the page.
// Drafts have none, even in a build with drafts.

// fullPath is the path of the llms-full.txt quire makes; fullSource is
// its Source.
const (
	fullPath   = "llms-full.txt"
	fullSource = "the generated llms-full.txt"
)

// PageTwin returns the markdown twin of page p, whose view is v and whose
// markdown, shortcodes expanded, is md; nil when p has none (twinned).
// resolve returns the URL a markdown link's destination has in the
// page's HTML (render.Links.Resolve), false when it resolves to none; the
// twin's links are those URLs made absolute against the page's permalink.
func PageTwin(p *content.Page, v *layout.Page, md []byte, resolve func(dest string) (string, bool)) []byte {
	if !twinned(p) {
		return nil
	}
	base, err := url.Parse(v.Permalink)
	if err != nil {
		return nil
	}
	body := Links(md, func(dest string, html bool) string {
		// Markdown destinations are resolved as the page's HTML has them;
		// raw HTML's are already URLs, as in the page.
		u, ok := "", false
		if !html {
			u, ok = resolve(dest)
		}
		if !ok {
			u = dest
		}
		ref, err := url.Parse(u)
		if err != nil || ref.Scheme != "" || ref.Host != "" {
			return u
		}
		return base.ResolveReference(ref).String()
	})
	return Twin(p.Title, body)
}

// twinned reports whether p gets a markdown twin: a written markdown
// page, not a draft nor in a draft section, with a body of its own.
func twinned(p *content.Page) bool {
	if p.Virtual || p.HTML || !p.Writes() {
		return false
	}
	for q := p; q != nil; q = q.Parent {
		if q.Draft {
			return false
		}
	}
	_, ok := TwinPath(p.OutPath)
	return ok
}

// Files returns the docs for machines of the site cfg configures, whose
// content tree is tree: every page's twin, then llms.txt and
// llms-full.txt. views and twins are by page index: a page's view and
// its twin (PageTwin), nil when it has none.
func Files(cfg config.Config, tree *content.Site, views []*layout.Page, twins [][]byte) []publish.File {
	var files []publish.File
	for i, p := range tree.Pages {
		if twins[i] != nil {
			files = append(files, twinFile(p, twins[i]))
		}
	}
	s, pages := siteOf(cfg, tree), pagesOf(tree, views, twins)
	return append(files,
		publish.File{Path: "llms.txt", Data: Index(s, pages), Source: "the generated llms.txt"},
		publish.File{Path: fullPath, Data: Full(s, pages), Source: fullSource})
}

// pagesOf is what llms.txt and llms-full.txt list: the indexed pages
// with a twin, in reading order.
func pagesOf(tree *content.Site, views []*layout.Page, twins [][]byte) []Page {
	var pages []Page
	for i, p := range tree.Pages {
		if twins[i] != nil && p.Indexed() {
			pages = append(pages, pageOf(p, views[i], twins[i]))
		}
	}
	return pages
}

// twinFile is the output file of p's twin.
func twinFile(p *content.Page, twin []byte) publish.File {
	path, _ := TwinPath(p.OutPath)
	return publish.File{Path: path, Data: twin, Source: p.File}
}

// pageOf is what llms.txt shows of page p, whose view is v.
func pageOf(p *content.Page, v *layout.Page, twin []byte) Page {
	u := v.Permalink
	if strings.HasSuffix(u, "/") {
		u += "index.md"
	} else {
		u = strings.TrimSuffix(u, ".html") + ".md"
	}
	lp := Page{Title: p.Title, Description: p.Description, URL: u, Twin: twin}
	if o, _ := p.Params["llms"].(string); strings.EqualFold(o, "optional") {
		lp.Optional = true
	}
	if p.Kind != content.KindHome {
		top := p
		for top.Parent != nil && top.Parent.Kind != content.KindHome {
			top = top.Parent
		}
		if top.Kind == content.KindSection {
			lp.Section = top.Title
		}
	}
	return lp
}

// siteOf is what llms.txt says of the site: its title (else the home
// page's) and its description (params.description, else the home page's).
func siteOf(cfg config.Config, tree *content.Site) Site {
	s := Site{Title: cfg.Title, Description: tree.Home.Description}
	if s.Title == "" {
		s.Title = tree.Home.Title
	}
	if d, ok := cfg.Params["description"].(string); ok && d != "" {
		s.Description = d
	}
	return s
}

// ReplaceTwins replaces, in files (a build's output, sorted by path), the
// twins of the pages of tree whose indexes are again, those rendered
// again by a quick rebuild, by twins' (by page index). A twin whose path
// a file of the site's own took stays that file.
func ReplaceTwins(files []publish.File, tree *content.Site, twins [][]byte, again []int) {
	for _, i := range again {
		if twin := twins[i]; twin != nil {
			publish.ReplaceOwn(files, twinFile(tree.Pages[i], twin))
		}
	}
}

// DeferredFull returns llms-full.txt, which holds every twin (tens of
// megabytes on a large site), as made when first asked for, for a quick
// rebuild whose output is files (sorted by path); nil when files has
// none of quire's making (a file of the site's own took the path). The
// arguments are Files': what the file is made of is taken now, so the
// next rebuild may change the slices given, not what was taken. (llms.txt
// lists titles and URLs only, which a quick rebuild does not change.)
func DeferredFull(files []publish.File, cfg config.Config, tree *content.Site, views []*layout.Page, twins [][]byte) *publish.Deferred {
	if publish.OwnAt(files, fullPath, fullSource) < 0 {
		return nil // a file of the site's own took the path
	}
	site, pages := siteOf(cfg, tree), pagesOf(tree, views, twins)
	return &publish.Deferred{
		Owns: func(path string) bool { return path == fullPath },
		Files: sync.OnceValue(func() []publish.File {
			return []publish.File{{Path: fullPath, Data: Full(site, pages), Source: fullSource}}
		}),
	}
}
