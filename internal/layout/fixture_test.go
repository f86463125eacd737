package layout

import (
	"html/template"
	"time"

	"github.com/quire-docs/quire/internal/toc"
)

// fixture builds a small site: home → {guide (section) → {install, config
// (draft, empty TOC)}, about}. It returns the pages by short name.
func fixture() map[string]*Page {
	site := &Site{
		Title:        "Quire",
		BaseURL:      "https://example.com/docs/",
		LanguageCode: "en-GB",
		Params:       map[string]any{"description": "Docs for quire."},
		Assets: map[string]Asset{
			"css/site.css":   {RelPermalink: "/docs/css/site.0123456789.css", Integrity: "sha256-c2l0ZQ=="},
			"css/chroma.css": {RelPermalink: "/docs/css/chroma.abcdef0123.css", Integrity: "sha256-Y2hyb21h"},
			"js/quire.js":    {RelPermalink: "/docs/js/quire.fedcba9876.js", Integrity: "sha256-anM="},
			"js/search.js":   {RelPermalink: "/docs/js/search.0a1b2c3d4e.js", Integrity: "sha256-c2VhcmNo"},
		},
	}
	mk := func(kind, title, path string) *Page {
		// TOC is empty but not nil, as a build sets it for a page without one.
		return &Page{Kind: kind, Title: title, RelPermalink: "/docs/" + path, Permalink: "https://example.com/docs/" + path, Site: site, Params: map[string]any{}, TOC: &toc.TOC{}}
	}
	home := mk("home", "Quire", "")
	home.Content = "<p>Welcome to <em>quire</em>.</p>"
	guide := mk("section", "Guide", "guide/")
	guide.Description = "How to use quire."
	install := mk("page", "Install & run", "guide/install/")
	install.LinkTitle = "Install"
	install.Description = `Getting "quire" onto your machine.`
	install.Content = `<h2 id="go">With Go</h2><p>Run <code>go install</code>.</p><h2 id="bin">Binaries</h2>`
	install.TOC = &toc.TOC{Entries: []*toc.Entry{{Heading: toc.Heading{Level: 2, ID: "go", Text: "With Go"}}, {Heading: toc.Heading{Level: 2, ID: "bin", Text: "Binaries"}}}}
	install.TableOfContents = template.HTML(`<nav class="toc" aria-label="On this page"><ul><li><a href="#go">With Go</a></li><li><a href="#bin">Binaries</a></li></ul></nav>`)
	install.Lastmod = time.Date(2026, 3, 14, 9, 26, 0, 0, time.UTC)
	config := mk("page", "Configuration", "guide/config/")
	config.Draft = true
	config.Content = "<p>Not written yet.</p>"
	about := mk("page", "About", "about/")
	about.Content = "<p>About <script>alert(1)</script> is raw HTML from markdown.</p>"

	home.Pages = []*Page{guide, about}
	guide.Parent, about.Parent = home, home
	guide.Pages = []*Page{install, config}
	install.Parent, config.Parent = guide, guide
	order := []*Page{home, guide, install, config, about}
	for i, p := range order {
		if i > 0 {
			p.Prev = order[i-1]
		}
		if i+1 < len(order) {
			p.Next = order[i+1]
		}
	}
	site.Home = home
	site.Pages = order
	return map[string]*Page{"home": home, "guide": guide, "install": install, "config": config, "about": about}
}
