package layout

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/quire-docs/quire/internal/i18n"
	"github.com/quire-docs/quire/internal/toc"
)

// TestReadsOtherBodies checks the analysis on templates that read other
// pages' bodies in each way a template can, and on look-alikes that only
// read the rendered page's own body. For every case it also renders each
// page of the fixture before and after changing the body fields of every
// other page: the output must stay the same exactly when the analysis
// says the templates read only their own page's body.
func TestReadsOtherBodies(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		single string // _default/single.html's "main"
		extra  map[string]string
		want   bool
		why    string         // part of why, when want
		i18n   map[string]any // the site's English translations; nil: the theme's
	}{
		{name: "own content", single: `{{ .Content }}{{ .TableOfContents }}{{ .Summary }}{{ with .TOC }}{{ len .Entries }}{{ end }}`},
		{name: "root variable in a range", single: `{{ range .Site.Pages }}{{ .Title }}{{ $.Content }}{{ end }}`},
		{name: "variable bound to dot", single: `{{ $p := . }}{{ range .Pages }}{{ $p.Summary }}{{ end }}`},
		{name: "params key named Content", single: `{{ .Params.Content }}{{ index .Site.Params "Summary" }}`},
		{name: "dict carrying the page", single: `{{ partial "card.html" (dict "page" . "n" 1) }}`,
			extra: map[string]string{"partials/card.html": `{{ .page.Content }}{{ .n }}`}},
		{name: "titles of other pages", single: `{{ range .Site.Pages }}{{ .Title }}{{ .Description }}{{ .RelPermalink }}{{ end }}{{ with .Parent }}{{ .Title }}{{ end }}`},

		{name: "params printed", single: `{{ .Params.x }}{{ index .Site.Params "k" }}{{ with .Parent }}{{ .Params.y }}{{ end }}{{ $d := .Description | default (index .Site.Params "d") }}{{ $d }}`},
		{name: "parent printed", single: `{{ .Parent }}`, want: true, why: "printed"},
		{name: "dot printed in with", single: `{{ with .Next }}{{ . }}{{ end }}`, want: true, why: "printed"},
		{name: "printf of a page", single: `{{ printf "%v" .Prev }}`, want: true, why: "printed by printf"},
		{name: "T with a page", single: `{{ T "body" .Prev }}`, want: true, why: "printed by T",
			i18n: map[string]any{"body": "{{ .Content }}"}},
		{name: "T with a string", single: `{{ T "body" .Title }}`, i18n: map[string]any{"body": "{{ . }}"}},
		{name: "range over site pages", single: `{{ range .Site.Pages }}{{ .Summary }}{{ end }}`, want: true, why: "single.html:1: .Summary"},
		{name: "home content", single: `{{ .Site.Home.Content }}`, want: true, why: ".Content"},
		{name: "with parent", single: "x\n{{ with .Parent }}{{ .TableOfContents }}{{ end }}", want: true, why: "single.html:2: .TableOfContents"},
		{name: "prev toc", single: `{{ with .Prev }}{{ with .TOC }}{{ len .Entries }}{{ end }}{{ end }}`, want: true, why: ".TOC"},
		{name: "range variable", single: `{{ range $i, $p := .Site.Pages }}{{ $i }}{{ $p.Content }}{{ end }}`, want: true},
		{name: "index", single: `{{ (index .Site.Pages 0).Content }}`, want: true},
		{name: "variable reassigned", single: `{{ $x := . }}{{ with .Next }}{{ $x = . }}{{ end }}{{ $x.Content }}`, want: true},
		{name: "partial with another page", single: `{{ partial "p.html" .Next }}`,
			extra: map[string]string{"partials/p.html": `{{ .Summary }}`}, want: true, why: "partials/p.html:1: .Summary"},
		{name: "dict carrying another page", single: `{{ partial "card.html" (dict "page" .Parent) }}`,
			extra: map[string]string{"partials/card.html": `{{ .page.Content }}`}, want: true},
		{name: "defined template", single: `{{ template "t" .Site.Home }}`,
			extra: map[string]string{"partials/defs.html": `{{ define "t" }}{{ .Content }}{{ end }}`}, want: true},
		{name: "piped into a partial", single: `{{ .Parent | partial "p.html" }}`,
			extra: map[string]string{"partials/p.html": `{{ .JSONLD }}`}, want: true},
		{name: "default of another page", single: `{{ (default .Parent .Next).Content }}`, want: true},
		{name: "site func titles", single: `{{ site.Title }}{{ range site.Pages }}{{ .Title }}{{ end }}`},
		{name: "site func pages", single: `{{ range site.Pages }}{{ .Summary }}{{ end }}`, want: true, why: ".Summary"},
		{name: "where over pages", single: `{{ range where .Site.Pages "Kind" "page" }}{{ .Content }}{{ end }}`, want: true},
		{name: "first of pages", single: `{{ range first 2 .Site.Pages }}{{ .Summary }}{{ end }}`, want: true},
		{name: "sort of pages", single: `{{ range sort .Site.Pages "Title" "desc" }}{{ .Summary }}{{ end }}`, want: true},
		{name: "partialCached with another page", single: `{{ partialCached "p.html" .Next "variant" }}`,
			extra: map[string]string{"partials/p.html": `{{ .Summary }}`}, want: true, why: "partials/p.html:1: .Summary"},
		{name: "partialCached with the page", single: `{{ partialCached "p.html" . }}`,
			extra: map[string]string{"partials/p.html": `{{ .Summary }}`}},
		{name: "hugo slice of pages", single: `{{ range slice .Prev .Next }}{{ with . }}{{ .Content }}{{ end }}{{ end }}`, want: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fsys := fstest.MapFS{"_default/single.html": {Data: []byte(`{{ define "main" }}` + tt.single + `{{ end }}`)}}
			for name, text := range tt.extra {
				fsys[name] = &fstest.MapFile{Data: []byte(text)}
			}
			tmpl, err := New(fsys, "layouts")
			if err != nil {
				t.Fatal(err)
			}
			pages := fixture()
			if tt.i18n != nil {
				tb, err := i18n.Parse("i18n/en.toml", tt.i18n, nil)
				if err != nil {
					t.Fatal(err)
				}
				pages["install"].Site.I18n = i18n.New(map[string]i18n.Table{"en": tb}, nil, i18n.Options{Lang: "en"})
			}
			got, why := tmpl.ReadsOtherBodies(pages["install"])
			if got != tt.want {
				t.Fatalf("ReadsOtherBodies = %v (%s), want %v", got, why, tt.want)
			}
			if !strings.Contains(why, tt.why) || (tt.want && !strings.HasPrefix(why, "layouts/")) {
				t.Errorf("why = %q, want it to name the layout file and contain %q", why, tt.why)
			}
			if tmpl.OnlyOwnBodies() == tt.want {
				t.Errorf("OnlyOwnBodies = %v, want %v", !tt.want, !tt.want)
			}
			changed := renderChangingOthers(t, tmpl, pages, "install")
			if changed != tt.want {
				t.Errorf("output changed with other pages' bodies: %v, want %v", changed, tt.want)
			}
		})
	}
}

// TestThemeReadsOnlyOwnBodies: the embedded theme's pages depend on their
// own body only, so quire serve can reuse every other page's output when
// one page's text changes. Checked on every page of the fixture.
func TestThemeReadsOnlyOwnBodies(t *testing.T) {
	t.Parallel()
	tmpl, err := New(nil, "layouts")
	if err != nil {
		t.Fatal(err)
	}
	if !tmpl.OnlyOwnBodies() {
		t.Fatal("OnlyOwnBodies = false for the embedded theme")
	}
	pages := fixture()
	for name, p := range pages {
		if reads, why := tmpl.ReadsOtherBodies(p); reads {
			t.Errorf("%s: ReadsOtherBodies: %s", name, why)
		}
		if renderChangingOthers(t, tmpl, fixture(), name) {
			t.Errorf("%s: output changed with other pages' bodies", name)
		}
	}
}

// renderChangingOthers renders pages[name], changes every body field of
// every other page, renders again and reports whether the output changed.
func renderChangingOthers(t *testing.T, tmpl *Templates, pages map[string]*Page, name string) bool {
	t.Helper()
	render := func() string {
		var buf bytes.Buffer
		if err := tmpl.Page(&buf, pages[name]); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	before := render()
	for n, p := range pages {
		if n == name {
			continue
		}
		p.Content = template.HTML("<p>changed " + n + "</p>")
		p.Summary = "changed " + n
		p.JSONLD = template.JS(`{"changed":"` + n + `"}`)
		p.TableOfContents = template.HTML(`<nav>changed ` + n + `</nav>`)
		p.TOC = &toc.TOC{Entries: []*toc.Entry{{Heading: toc.Heading{Level: 2, ID: "c", Text: "changed"}}, {}}}
	}
	return render() != before
}
