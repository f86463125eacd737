package layout

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/quire-docs/quire/internal/diag"
)

func render(t *testing.T, tm *Templates, p *Page) string {
	t.Helper()
	var buf bytes.Buffer
	if err := tm.Page(&buf, p); err != nil {
		t.Fatalf("Page(%s): %v", p.RelPermalink, err)
	}
	return buf.String()
}

func mustNew(t *testing.T, overrides fs.FS) *Templates {
	t.Helper()
	tm, err := New(overrides, "layouts")
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return tm
}

// between returns the text of s from the first start to the next end.
func between(s, start, end string) string {
	_, after, ok := strings.Cut(s, start)
	if !ok {
		return ""
	}
	in, _, _ := strings.Cut(after, end)
	return in
}

func TestPage(t *testing.T) {
	t.Parallel()
	tm := mustNew(t, nil)
	pages := fixture()

	t.Run("NoTOCElementWhenTableOfContentsEmpty", func(t *testing.T) {
		t.Parallel()
		if got := render(t, tm, pages["config"]); hasTOC(got) || strings.Contains(got, "has-toc") {
			t.Errorf("page without TOC renders a TOC element:\n%s", got)
		}
		if got := render(t, tm, pages["install"]); !strings.Contains(got, `<aside class="toc-aside" data-title="On this page">`) || !strings.Contains(got, `class="page has-toc"`) {
			t.Errorf("page with TOC has no TOC aside:\n%s", got)
		}
	})

	t.Run("DraftMarkerAndNoindexOnlyOnDrafts", func(t *testing.T) {
		t.Parallel()
		for name, p := range pages {
			got := render(t, tm, p)
			hasBadge := strings.Contains(got, `<span class="badge badge-draft">Draft</span>`)
			hasNoindex := strings.Contains(got, `<meta name="robots" content="noindex">`)
			if hasBadge != p.Draft || hasNoindex != p.Draft {
				t.Errorf("%s (Draft=%v): badge=%v noindex=%v, want both %v", name, p.Draft, hasBadge, hasNoindex, p.Draft)
			}
		}
	})

	t.Run("AriaCurrentOnCurrentNavItem", func(t *testing.T) {
		t.Parallel()
		for name, p := range pages {
			nav := between(render(t, tm, p), `<nav class="sidebar"`, "</nav>")
			cur := regexp.MustCompile(`<a href="([^"]*)" aria-current="page">`).FindAllStringSubmatch(nav, -1)
			if p.IsHome() {
				if len(cur) != 0 {
					t.Errorf("home: nav marks %v current, want none", cur)
				}
				continue
			}
			if len(cur) != 1 || cur[0][1] != p.RelPermalink {
				t.Errorf("%s: nav aria-current links = %v, want exactly %s", name, cur, p.RelPermalink)
			}
		}
	})

	t.Run("AncestorSectionsOpen", func(t *testing.T) {
		t.Parallel()
		if nav := between(render(t, tm, pages["install"]), `<nav class="sidebar"`, "</nav>"); !strings.Contains(nav, "<details open>") {
			t.Errorf("install: guide section not open:\n%s", nav)
		}
		if nav := between(render(t, tm, pages["about"]), `<nav class="sidebar"`, "</nav>"); strings.Contains(nav, "<details open>") {
			t.Errorf("about: unrelated section open:\n%s", nav)
		}
	})

	t.Run("OtherSectionsLinkWithoutChildren", func(t *testing.T) {
		t.Parallel()
		// The sidebar lists only the sections on the current page's path,
		// so its size does not grow with the whole site.
		nav := between(render(t, tm, pages["about"]), `<nav class="sidebar"`, "</nav>")
		if strings.Contains(nav, "/docs/guide/install/") {
			t.Errorf("about: children of an unrelated section listed:\n%s", nav)
		}
		if !strings.Contains(nav, `<a href="/docs/guide/" class="nav-section">`) {
			t.Errorf("about: unrelated section not linked as a section:\n%s", nav)
		}
	})

	t.Run("HeadLinksAndTitle", func(t *testing.T) {
		t.Parallel()
		got := render(t, tm, pages["install"])
		for _, want := range []string{
			`<html lang="en-GB">`,
			`<title>Install &amp; run – Quire</title>`,
			`<link rel="canonical" href="https://example.com/docs/guide/install/">`,
			`<link rel="stylesheet" href="/docs/css/site.0123456789.css" integrity="sha256-c2l0ZQ==" crossorigin="anonymous">`,
			`<link rel="stylesheet" href="/docs/css/chroma.abcdef0123.css" integrity="sha256-Y2hyb21h" crossorigin="anonymous">`,
			`<meta name="description" content="Getting &#34;quire&#34; onto your machine.">`,
			`<span class="label">Previous</span> <span class="title">Guide</span>`,
			`<span class="label">Next</span> <span class="title">Configuration</span>`,
			`<time datetime="2026-03-14">`,
		} {
			if !strings.Contains(got, want) {
				t.Errorf("install page lacks %s", want)
			}
		}
		if home := render(t, tm, pages["home"]); !strings.Contains(home, "<title>Quire</title>") {
			t.Errorf("home title is not the site title alone")
		}
	})

	t.Run("ListShowsChildrenWithDescriptions", func(t *testing.T) {
		t.Parallel()
		got := between(render(t, tm, pages["home"]), `<ul class="page-list">`, "</ul>")
		if !strings.Contains(got, `<a href="/docs/guide/">Guide</a><p>How to use quire.</p>`) || !strings.Contains(got, `/docs/about/`) {
			t.Errorf("home list = %s, want guide with description and about", got)
		}
	})

	t.Run("ContentIsNotEscaped", func(t *testing.T) {
		t.Parallel()
		if got := render(t, tm, pages["about"]); !strings.Contains(got, string(pages["about"].Content)) {
			t.Errorf("content was changed")
		}
	})

	t.Run("NilPage", func(t *testing.T) {
		t.Parallel()
		if err := tm.Page(&bytes.Buffer{}, nil); err == nil {
			t.Errorf("Page(nil) = nil error")
		}
		if err := tm.Page(&bytes.Buffer{}, &Page{Kind: "page"}); err == nil {
			t.Errorf("Page without Site = nil error")
		}
	})
}

func TestNotFound(t *testing.T) {
	t.Parallel()
	tm := mustNew(t, nil)
	var buf bytes.Buffer
	if err := tm.NotFound(&buf, fixture()["home"].Site); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	for _, want := range []string{"<h1>Page not found</h1>", `<a href="/docs/">Go to the home page</a>`, `content="noindex"`} {
		if !strings.Contains(got, want) {
			t.Errorf("404 lacks %s", want)
		}
	}
	buf.Reset()
	if err := tm.NotFound(&buf, &Site{Title: "S", BaseURL: "https://e.com/x/"}); err != nil || !strings.Contains(buf.String(), `href="/x/"`) {
		t.Errorf("404 without home: %v, home link to /x/ missing", err)
	}
}

func TestOverrides(t *testing.T) {
	t.Parallel()
	pages := fixture()

	t.Run("OverrideReplacesEmbeddedTwin", func(t *testing.T) {
		t.Parallel()
		tm := mustNew(t, fstest.MapFS{
			"_default/single.html": {Data: []byte(`{{ define "main" }}<p>OVERRIDDEN {{ .Title }}</p>{{ end }}`)},
			"partials/footer.html": {Data: []byte(`<footer>MY FOOTER</footer>`)},
		})
		got := render(t, tm, pages["install"])
		if !strings.Contains(got, "<p>OVERRIDDEN Install &amp; run</p>") || strings.Contains(got, "page-header") {
			t.Errorf("single.html not replaced:\n%s", got)
		}
		if !strings.Contains(got, "<footer>MY FOOTER</footer>") || strings.Contains(got, "site-footer") {
			t.Errorf("footer partial not replaced:\n%s", got)
		}
		if list := render(t, tm, pages["guide"]); !strings.Contains(list, "page-header") || strings.Contains(list, "OVERRIDDEN") {
			t.Errorf("list page should keep the embedded list.html")
		}
	})

	t.Run("AddedPartial", func(t *testing.T) {
		t.Parallel()
		tm := mustNew(t, fstest.MapFS{
			"_default/single.html": {Data: []byte(`{{ define "main" }}{{ partial "hello" (dict "who" .Title) }}{{ end }}`)},
			"partials/hello.html":  {Data: []byte(`<b>hi {{ .who }}</b>`)},
		})
		if got := render(t, tm, pages["about"]); !strings.Contains(got, "<b>hi About</b>") {
			t.Errorf("added partial not rendered:\n%s", got)
		}
	})

	t.Run("StandaloneTemplateWithoutMain", func(t *testing.T) {
		t.Parallel()
		tm := mustNew(t, fstest.MapFS{"404.html": {Data: []byte("<!doctype html><title>gone</title>\n")}})
		var buf bytes.Buffer
		if err := tm.NotFound(&buf, pages["home"].Site); err != nil || buf.String() != "<!doctype html><title>gone</title>\n" {
			t.Errorf("NotFound = %q, %v, want the standalone 404.html", buf.String(), err)
		}
	})

	t.Run("RecursivePartialFailsCleanly", func(t *testing.T) {
		t.Parallel()
		tm := mustNew(t, fstest.MapFS{
			"_default/single.html": {Data: []byte(`{{ define "main" }}{{ partial "loop.html" . }}{{ end }}`)},
			"partials/loop.html":   {Data: []byte(`x{{ partial "loop.html" . }}`)},
		})
		err := tm.Page(&bytes.Buffer{}, pages["about"])
		if err == nil || !strings.Contains(err.Error(), "nested too deep") {
			t.Errorf("recursive partial: err = %v, want nested too deep", err)
		}
	})
}

func TestErrors(t *testing.T) {
	t.Parallel()
	pages := fixture()
	tests := []struct {
		name    string
		files   fstest.MapFS
		parse   bool // the error comes from New, else from Page
		file    string
		line    int
		col     int
		msgPart string
		hint    string // part of the hint; "" for none
	}{
		{
			name:  "ParseErrorInOverride",
			files: fstest.MapFS{"_default/single.html": {Data: []byte("{{ define \"main\" }}\n<p>\n{{ if }}\n{{ end }}{{ end }}")}},
			parse: true, file: "layouts/_default/single.html", line: 3, msgPart: "missing value for if",
		},
		{
			name:  "ParseErrorUnknownFunc",
			files: fstest.MapFS{"partials/x.html": {Data: []byte("\n{{ nope 1 }}")}},
			parse: true, file: "layouts/partials/x.html", line: 2, col: 4, msgPart: `function "nope" not defined`, hint: "content/docs/layouts.md",
		},
		{
			name:  "ParseErrorNamesEveryUnknownFunc",
			files: fstest.MapFS{"partials/x.html": {Data: []byte("{{ where . \"a\" 1 }}\n{{ readDir \"x\" }}{{ nope }}{{ strings.Nope \"a\" }}{{ nope }}")}},
			parse: true, file: "layouts/partials/x.html", line: 2, col: 4, msgPart: `functions not defined: nope, readDir, strings.Nope`, hint: "quire does not implement nope, readDir, strings.Nope",
		},
		{
			name:  "ExecErrorInOverride",
			files: fstest.MapFS{"_default/single.html": {Data: []byte("{{ define \"main\" }}\n<p>{{ .NoSuchField }}</p>{{ end }}")}},
			file:  "layouts/_default/single.html", line: 2, col: 7, msgPart: "<.NoSuchField>: can't evaluate field NoSuchField",
		},
		{
			name: "ExecErrorInsidePartialNamesPartial",
			files: fstest.MapFS{
				"_default/single.html": {Data: []byte(`{{ define "main" }}{{ partial "bad.html" . }}{{ end }}`)},
				"partials/bad.html":    {Data: []byte("ok\nok {{ dict 1 2 }}")},
			},
			file: "layouts/partials/bad.html", line: 2, col: 7, msgPart: "dict: key 1 is int, want string",
		},
		{
			name:  "EscapeErrorInMainBlamedOnBaseofHintsAtOverride",
			files: fstest.MapFS{"_default/single.html": {Data: []byte("{{ define \"main\" }}\n<a href=\"{{ .Title }}>x{{ end }}")}},
			file:  "theme/layouts/_default/baseof.html", msgPart: "ends in a non-text context",
			hint: `layouts/_default/single.html fills this file's "main" block`,
		},
		{
			name:  "EscapeErrorInStandaloneMainNoHint",
			files: fstest.MapFS{"_default/single.html": {Data: []byte("<p>\n<a href=\"{{ .Title }}>x")}},
			file:  "layouts/_default/single.html", msgPart: "ends in a non-text context",
		},
		{
			name:  "EscapeErrorInPartialNamesItOnce",
			files: fstest.MapFS{"partials/footer.html": {Data: []byte("<footer>\n<a href=\"x>")}},
			file:  "layouts/partials/footer.html", msgPart: "ends in a non-text context",
		},
		{
			name:  "MissingPartial",
			files: fstest.MapFS{"_default/single.html": {Data: []byte(`{{ define "main" }}{{ partial "nope.html" . }}{{ end }}`)}},
			file:  "layouts/_default/single.html", line: 1, col: 23, msgPart: `partial "nope.html" not found`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tm, err := New(tt.files, "layouts")
			var out bytes.Buffer
			if !tt.parse {
				if err != nil {
					t.Fatalf("New: %v", err)
				}
				err = tm.Page(&out, pages["about"])
				if out.Len() != 0 {
					t.Errorf("Page wrote %d bytes despite the error", out.Len())
				}
			}
			var d *diag.Diagnostic
			if !errors.As(err, &d) {
				t.Fatalf("error = %v (%T), want a *diag.Diagnostic", err, err)
			}
			if d.File != tt.file || d.Line != tt.line || d.Col != tt.col || !strings.Contains(d.Msg, tt.msgPart) {
				t.Errorf("error = %q, want %s:%d:%d: ...%s...", d.Error(), tt.file, tt.line, tt.col, tt.msgPart)
			}
			if (tt.hint == "") != (d.Hint == "") || !strings.Contains(d.Hint, tt.hint) {
				t.Errorf("hint = %q, want one containing %q", d.Hint, tt.hint)
			}
			if strings.HasPrefix(d.Msg, "_default/") || strings.HasPrefix(d.Msg, "partials/") {
				t.Errorf("message repeats the template name: %q", d.Msg)
			}
			if strings.Contains(d.Msg, "template:") {
				t.Errorf("message keeps template noise: %q", d.Msg)
			}
		})
	}

	t.Run("EmbeddedFilesNamedUnderTheme", func(t *testing.T) {
		t.Parallel()
		files, err := loadFiles(nil, "layouts")
		if err != nil {
			t.Fatal(err)
		}
		err = toDiag(errors.New(`template: partials/head.html:3:10: executing "partials/head.html" at <.X>: boom`), files, "x")
		want := "theme/layouts/partials/head.html:3:11: <.X>: boom"
		if err.Error() != want {
			t.Errorf("toDiag = %q, want %q", err, want)
		}
	})

	t.Run("AllParseErrorsReported", func(t *testing.T) {
		t.Parallel()
		_, err := New(fstest.MapFS{"partials/a.html": {Data: []byte("{{ if }}")}, "partials/b.html": {Data: []byte("{{ end }}")}}, "site/layouts")
		for _, want := range []string{"site/layouts/partials/a.html:1:", "site/layouts/partials/b.html:1:"} {
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("New error = %v, want it to name %s", err, want)
			}
		}
	})
}

func TestConcurrentPage(t *testing.T) {
	t.Parallel()
	tm := mustNew(t, nil)
	pages := fixture()
	want := map[string]string{}
	for name, p := range pages {
		want[name] = render(t, tm, p)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for i := range 8 {
		for name, p := range pages {
			wg.Go(func() {
				var buf bytes.Buffer
				if err := tm.Page(&buf, p); err != nil {
					errs <- err
				} else if buf.String() != want[name] {
					errs <- fmt.Errorf("run %d: %s differs", i, name)
				}
			})
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestAlias(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := Alias(&buf, `/docs/a/?x=1&y="2"`); err != nil {
		t.Fatal(err)
	}
	esc := `/docs/a/?x=1&amp;y=&#34;2&#34;`
	want := `<!doctype html><html lang="en"><head><title>` + esc + `</title><link rel="canonical" href="` + esc +
		`"><meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url=` + esc +
		`"></head><body><p>Moved to <a href="` + esc + `">` + esc + `</a>.</p></body></html>` + "\n"
	if buf.String() != want {
		t.Errorf("Alias = %s\nwant %s", buf.String(), want)
	}
}

func TestTheme(t *testing.T) {
	t.Parallel()
	css, err := fs.ReadFile(Theme(), "css/site.css")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"prefers-color-scheme: dark", `[data-theme="dark"]`, "@media print", "max-width: 46rem"} {
		if !bytes.Contains(css, []byte(want)) {
			t.Errorf("css/site.css lacks %s", want)
		}
	}
	js, err := fs.ReadFile(Theme(), "js/quire.js")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"css/site.css": css, "js/quire.js": js} {
		for _, bad := range []string{"@import", "url(http", "url(//", "@font-face", "http://", "https://"} {
			if bytes.Contains(data, []byte(bad)) {
				t.Errorf("%s contains %q: the theme must not load anything from other hosts", name, bad)
			}
		}
	}
}

func TestEmptySiteTitle(t *testing.T) {
	t.Parallel()
	tm := mustNew(t, nil)
	tests := []struct {
		name  string
		page  string // fixture page, or "404"
		setup func(pages map[string]*Page)
		want  []string
		not   []string
	}{
		{name: "PageTitleWithoutDanglingSeparator", page: "install", want: []string{"<title>Install &amp; run</title>"}, not: []string{"–"}},
		{name: "HomeTitleIsItsOwn", page: "home", want: []string{"<title>Quire</title>"}},
		{name: "UntitledPageUsesHomeTitle", page: "about", setup: func(ps map[string]*Page) { ps["about"].Title = "" }, want: []string{"<title>Quire</title>"}},
		{name: "UntitledSiteAndHomeSayHome", page: "home", setup: func(ps map[string]*Page) { ps["home"].Title = "" }, want: []string{"<title>Home</title>", `<a class="site-title" href="/docs/">Home</a>`}},
		{name: "HeaderLinksWithHomeTitle", page: "install", want: []string{`<a class="site-title" href="/docs/">Quire</a>`}},
		{name: "HeaderWithoutHomeSaysHome", page: "404", setup: func(ps map[string]*Page) { ps["home"].Site.Home = nil }, want: []string{`<a class="site-title" href="/docs/">Home</a>`, "<title>Page not found</title>"}},
		{name: "FooterCreditsQuireAlone", page: "about", want: []string{"<p>Built with quire.</p>"}, not: []string{"· built with quire"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			pages := fixture()
			site := pages["home"].Site
			site.Title = ""
			if tt.setup != nil {
				tt.setup(pages)
			}
			var buf bytes.Buffer
			var err error
			if tt.page == "404" {
				err = tm.NotFound(&buf, site)
			} else {
				err = tm.Page(&buf, pages[tt.page])
			}
			if err != nil {
				t.Fatal(err)
			}
			got := buf.String()
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("%s lacks %s:\n%s", tt.page, w, got)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("%s contains %s:\n%s", tt.page, n, got)
				}
			}
		})
	}
}

// hasTOC reports whether html has a table of contents element.
func hasTOC(html string) bool {
	return strings.Contains(html, "toc-aside") || strings.Contains(html, `class="toc`) || strings.Contains(html, "has-toc")
}
