package site

import (
	"net/url"
	"slices"
	"strings"
	"sync"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/llms"
	"github.com/quire-docs/quire/internal/publish"
)

// Docs for machines ([llms] enable, on by default): each markdown page's
// twin at its URL + "index.md", made in the render loop from the body
// with its shortcodes expanded (render.Body.Markdown), and llms.txt and
// llms-full.txt from the twins once every page is rendered. A twin's
// links are the page's own, resolved as in its HTML, so the link check
// of the page is theirs: a broken one is reported once, at the page.
// Drafts have none, even in a build with drafts.

// twin returns the markdown twin of page i, or nil when it has none.
func (b *builder) twin(p *content.Page, v *layout.Page, md []byte) []byte {
	if !twinned(p) {
		return nil
	}
	base, err := url.Parse(v.Permalink)
	if err != nil {
		return nil
	}
	body := llms.Links(md, func(dest string, html bool) string {
		// Markdown destinations are resolved as the page's HTML has them;
		// raw HTML's are already URLs, as in the page.
		u, ok := "", false
		if !html {
			u, ok = b.links.Resolve(p, dest)
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
	return llms.Twin(p.Title, body)
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
	_, ok := llms.TwinPath(p.OutPath)
	return ok
}

// addLLMs adds every page's twin, llms.txt and llms-full.txt. Each
// yields to a file of the site's own at its path.
func (b *builder) addLLMs(tree *content.Site) {
	if b.pages.twins == nil {
		return
	}
	var pages []llms.Page
	for i, p := range tree.Pages {
		twin := b.pages.twins[i]
		if twin == nil {
			continue
		}
		path, _ := llms.TwinPath(p.OutPath)
		b.out.Add(publish.Generated, publish.File{Path: path, Data: twin, Source: p.File})
		if p.Indexed() {
			pages = append(pages, b.llmsPage(p, b.site.Pages[i], twin))
		}
	}
	s := b.llmsSite(tree)
	b.out.Add(publish.Generated, publish.File{Path: "llms.txt", Data: llms.Index(s, pages), Source: "the generated llms.txt"})
	b.out.Add(publish.Generated, publish.File{Path: llmsFullPath, Data: llms.Full(s, pages), Source: llmsFullSource})
}

// llmsPage is what llms.txt shows of page p, whose view is v.
func (b *builder) llmsPage(p *content.Page, v *layout.Page, twin []byte) llms.Page {
	u := v.Permalink
	if strings.HasSuffix(u, "/") {
		u += "index.md"
	} else {
		u = strings.TrimSuffix(u, ".html") + ".md"
	}
	lp := llms.Page{Title: p.Title, Description: p.Description, URL: u, Twin: twin}
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

// llmsSite is what llms.txt says of the site: its title (else the home
// page's) and its description (params.description, else the home page's).
func (b *builder) llmsSite(tree *content.Site) llms.Site {
	s := llms.Site{Title: b.cfg.Title, Description: tree.Home.Description}
	if s.Title == "" {
		s.Title = tree.Home.Title
	}
	if d, ok := b.cfg.Params["description"].(string); ok && d != "" {
		s.Description = d
	}
	return s
}

// quickLLMs replaces, in files, the twins of the pages rendered again;
// llms.txt lists titles and URLs only, which a quick rebuild does not
// change. llms-full.txt, which holds every twin (tens of megabytes on a
// large site), is returned as made when first asked for (nil when the
// site has none of quire's making): its entry in files, kept for the link
// check, holds the last full build's text, and the caller serves the
// deferred one instead (llmsFullPath).
func (b *builder) quickLLMs(tree *content.Site, files []publish.File, again []int) *publish.Deferred {
	if b.pages.twins == nil {
		return nil
	}
	for _, i := range again {
		p := tree.Pages[i]
		if twin := b.pages.twins[i]; twin != nil {
			path, _ := llms.TwinPath(p.OutPath)
			replaceOwn(files, publish.File{Path: path, Data: twin, Source: p.File})
		}
	}
	if ownAt(files, llmsFullPath, llmsFullSource) < 0 {
		return nil // a file of the site's own took the path
	}
	// What llms-full.txt is made of is taken now: the next rebuild
	// changes the builder's slices, not what was taken.
	var pages []llms.Page
	for i, p := range tree.Pages {
		if twin := b.pages.twins[i]; twin != nil && p.Indexed() {
			pages = append(pages, b.llmsPage(p, b.site.Pages[i], twin))
		}
	}
	site := b.llmsSite(tree)
	return &publish.Deferred{
		Owns: func(path string) bool { return path == llmsFullPath },
		Files: sync.OnceValue(func() []publish.File {
			return []publish.File{{Path: llmsFullPath, Data: llms.Full(site, pages), Source: llmsFullSource}}
		}),
	}
}

// llmsFullPath and llmsFullSource are the path and Source of the
// llms-full.txt quire makes.
const (
	llmsFullPath   = "llms-full.txt"
	llmsFullSource = "the generated llms-full.txt"
)

// replaceOwn replaces the file of files (sorted by path) at f's path by
// f when it came from the same source: not when a file of the site's own
// took the path.
func replaceOwn(files []publish.File, f publish.File) {
	if i := ownAt(files, f.Path, f.Source); i >= 0 {
		files[i] = f
	}
}

// ownAt returns the index in files (sorted by path) of the file at path
// made by source, or -1 when there is none or another source took it.
func ownAt(files []publish.File, path, source string) int {
	i, ok := slices.BinarySearchFunc(files, path, func(g publish.File, p string) int { return strings.Compare(g.Path, p) })
	if !ok || files[i].Source != source {
		return -1
	}
	return i
}
