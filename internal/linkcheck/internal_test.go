package linkcheck

import (
	"context"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/publish"
)

// site builds Links from output files given as path → HTML.
func site(baseURL string, pages []Page, files map[string]string) *Links {
	var fs []publish.File
	for p, data := range files {
		fs = append(fs, publish.File{Path: p, Data: []byte(data), Source: "generated " + p})
	}
	return Collect(context.Background(), fs, pages, Options{BaseURL: baseURL})
}

// broken returns "url: reason" for every internal result that is not ok.
func broken(l *Links) []string {
	bad, _ := l.Internal(context.Background())
	var out []string
	for _, r := range bad {
		out = append(out, string(r.Outcome)+" "+r.URL+": "+r.Reason)
	}
	return out
}

func TestInternalLinks(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"index.html": `<a href="faq/">faq</a><a href="/faq/a/#q1">q1</a><a href="faq/a">no slash</a>
			<img src="img/logo.png" srcset="img/logo.png 1x, img/logo@2x.png 2x">
			<link rel="preconnect" href="https://fonts.example/"><link rel="stylesheet" href="/css/site.css">
			<script>var s = '<a href="/in-script/">';</script><!-- <a href="/in-comment/"> -->
			<a href="javascript:void(0)">js</a><a href="data:text/plain,x">data</a><a href="">empty</a>
			<a href="#top">top</a><a href="#">hash</a><a href="doc.pdf#page=2">pdf</a>`,
		"faq/index.html":       `<h2 id="intro">Intro</h2><a href="a/#q2">q2</a><a href="../#missing">home</a><a href="./a/?x=1#q1">query</a>`,
		"faq/a/index.html":     `<h3 id="q1">Q1</h3><a name="q2"></a><a href="#q1">self</a><a href="#q3">self broken</a><a href="../../nowhere/">up</a><a href="%C3%A9t%C3%A9/">encoded</a>`,
		"faq/a/été/index.html": `<p id="caf%C3%A9">raw id</p>`,
		"img/logo.png":         "PNG",
		"css/site.css":         "body{}",
		"doc.pdf":              "PDF",
	}
	got := strings.Join(broken(site("/", nil, files)), "\n")
	want := strings.Join([]string{
		`error /#missing: no anchor "missing" on /`,
		`error /faq/a/#q3: no anchor "q3" on this page (did you mean "q1"?)`,
		`error /img/logo@2x.png: no page or file /img/logo@2x.png`,
		`error /nowhere/: no page or file /nowhere/`,
	}, "\n")
	if got != want {
		t.Errorf("broken links:\n%s\nwant:\n%s", got, want)
	}
}

func TestInternalBasePath(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"index.html": `<a href="/docs/faq/">ok</a><a href="https://example.org/docs/faq/#x">own host, broken anchor</a>
			<a href="https://EXAMPLE.org/docs/nope/">own host, missing</a><a href="/other/">outside</a>
			<a href="https://example.org/blog/">outside, absolute</a><a href="/docs">base without slash</a>
			<a href="https://other.example/docs/faq/">external</a>`,
		"faq/index.html": `<h1 id="faq">FAQ</h1>`,
	}
	l := site("https://example.org/docs/", nil, files)
	got := strings.Join(broken(l), "\n")
	want := strings.Join([]string{
		`skipped /blog/: outside the site (its base path is /docs/)`,
		`error /docs/faq/#x: no anchor "x" on /docs/faq/`,
		`error /docs/nope/: no page or file /docs/nope/`,
		`skipped /other/: outside the site (its base path is /docs/)`,
	}, "\n")
	if got != want {
		t.Errorf("broken links:\n%s\nwant:\n%s", got, want)
	}
	ext := l.External(context.Background())
	if len(ext) != 1 || ext[0].URL != "https://other.example/docs/faq/" {
		t.Errorf("external = %+v, want only the other host", ext)
	}
	// Skipped links are not errors in a build.
	for _, d := range Diagnostics(mustInternal(l), diag.Error) {
		if strings.Contains(d.Msg, "outside") {
			t.Errorf("skipped link reported: %s", d)
		}
	}
}

func mustInternal(l *Links) []Result {
	bad, _ := l.Internal(context.Background())
	return bad
}

// TestSources: a link traces to every markdown link that wrote it, to raw
// HTML in the body, to a layout file, or to the page's main layout.
func TestSources(t *testing.T) {
	t.Parallel()
	body := "Intro.\n\n[one](../x.md) and [two](../x.md).\n\n<a href=\"/raw/\">raw</a>\n"
	layouts := []Template{
		{File: "layouts/_default/single.html", Text: `{{ define "main" }}<a href="{{ .Missing }}">x</a>{{ end }}`},
		{File: "layouts/partials/footer.html", Text: "<footer>\n  <a href=\"/about/\">About</a>\n</footer>"},
	}
	pages := []Page{{
		Path: "a/index.html", File: "content/a.md", Body: []byte(body), BodyLine: 4,
		Links:   []MarkdownLink{{Dest: "../x.md", URL: "/x/", Line: 6, Column: 1}, {Dest: "../x.md", URL: "/x/", Line: 6, Column: 20}},
		Layouts: layouts,
	}, {
		Path: "b/index.html", File: "content/b.md", Layouts: layouts,
	}}
	html := `<a href="/x/">one</a><a href="/x/">two</a><a href="/raw/">raw</a><a href="/about/">About</a><a href="/dyn/">dyn</a>`
	l := site("/", pages, map[string]string{"a/index.html": html, "b/index.html": `<a href="/about/">About</a>`, "404.html": `<a href="/gone/">x</a>`})
	bad, _ := l.Internal(context.Background())
	got := map[string][]Source{}
	for _, r := range bad {
		got[r.URL] = r.Sources
	}
	want := map[string][]Source{
		"/x/":     {{File: "content/a.md", Line: 6, Column: 1, Text: "../x.md"}, {File: "content/a.md", Line: 6, Column: 20, Text: "../x.md"}},
		"/raw/":   {{File: "content/a.md", Line: 8, Column: 10, Text: "/raw/"}},
		"/about/": {{File: "layouts/partials/footer.html", Line: 2, Column: 12, Text: "/about/"}},
		"/dyn/":   {{File: "layouts/_default/single.html", Text: "/dyn/"}},
		"/gone/":  {{File: "generated 404.html", Text: "/gone/"}},
	}
	for u, w := range want {
		if g := got[u]; !equalSources(g, w) {
			t.Errorf("sources of %s = %+v, want %+v", u, g, w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("broken = %v, want %d", got, len(want))
	}
}

func equalSources(a, b []Source) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestExternalDeduplicated(t *testing.T) {
	t.Parallel()
	pages := []Page{
		{Path: "a/index.html", File: "content/a.md", Links: []MarkdownLink{{Dest: "https://x.example/", URL: "https://x.example/", Line: 3, Column: 1}}},
		{Path: "b/index.html", File: "content/b.md", Links: []MarkdownLink{{Dest: "https://x.example/", URL: "https://x.example/", Line: 9, Column: 4}}},
	}
	l := site("/", pages, map[string]string{
		"a/index.html": `<a href="https://x.example/">x</a><a href="https://x.example/">again</a><a href="mailto:a@b.example">m</a>`,
		"b/index.html": `<a href="https://x.example/">x</a><a href="//cdn.example/lib.js">cdn</a>`,
	})
	ext := l.External(context.Background())
	var urls []string
	for _, r := range ext {
		urls = append(urls, r.URL)
	}
	if got := strings.Join(urls, " "); got != "https://cdn.example/lib.js https://x.example/ mailto:a@b.example" {
		t.Errorf("external URLs = %s", got)
	}
	for _, r := range ext {
		if r.URL == "https://x.example/" && len(r.Sources) != 2 {
			t.Errorf("https://x.example/ sources = %+v, want both pages", r.Sources)
		}
	}
}
