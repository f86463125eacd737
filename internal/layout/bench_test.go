package layout

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/toc"
)

// benchSite is a site of 10 sections of 50 pages for the default theme,
// each page with ~8 KB of content and a TOC, as a build hands templates.
func benchSite() *Site {
	site := &Site{Title: "Docs", BaseURL: "/", LanguageCode: "en", Params: map[string]any{},
		Assets: map[string]Asset{"css/site.css": {RelPermalink: "/css/site.0123456789.css", Integrity: "sha256-x"}}}
	content := template.HTML(strings.Repeat(`<h2 id="setup">Setup<a class="anchor" href="#setup">#</a></h2><p>The agent runs on every node and reports its status to the server.</p><pre class="chroma"><code class="language-go"><span class="kd">func</span> <span class="nx">main</span><span class="p">()</span></code></pre>`+"\n", 30))
	t := &toc.TOC{Entries: []*toc.Entry{{Heading: toc.Heading{Level: 2, ID: "setup", Text: "Setup"}}, {Heading: toc.Heading{Level: 2, ID: "use", Text: "Use"}}}}
	mk := func(kind, title, path string) *Page {
		p := &Page{Kind: kind, Title: title, RelPermalink: "/" + path, Permalink: "/" + path, Site: site, Params: map[string]any{}, TOC: t,
			TableOfContents: t.HTML(), Content: content, Description: "About " + title + "."}
		site.Pages = append(site.Pages, p)
		return p
	}
	home := mk("home", "Docs", "")
	for s := range 10 {
		sec := mk("section", fmt.Sprintf("Section %d", s), fmt.Sprintf("s%d/", s))
		sec.Parent = home
		home.Pages = append(home.Pages, sec)
		for i := range 50 {
			p := mk("page", fmt.Sprintf("Page %d", i), fmt.Sprintf("s%d/p%d/", s, i))
			p.Parent = sec
			sec.Pages = append(sec.Pages, p)
		}
	}
	for i, p := range site.Pages {
		if i > 0 {
			p.Prev = site.Pages[i-1]
		}
		if i+1 < len(site.Pages) {
			p.Next = site.Pages[i+1]
		}
	}
	site.Home = home
	return site
}

// BenchmarkPage is the template stage for one page of the default theme
// (sidebar, breadcrumbs, TOC, content, prev/next).
func BenchmarkPage(b *testing.B) {
	tmpl, err := New(nil, "layouts")
	if err != nil {
		b.Fatal(err)
	}
	site := benchSite()
	page := site.Pages[len(site.Pages)/2]
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := tmpl.Page(&buf, page); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}
