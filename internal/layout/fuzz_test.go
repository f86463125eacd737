package layout

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/quire-docs/quire/internal/toc"
)

// FuzzNew parses arbitrary text as a site's single.html and a partial, then
// renders every fixture page: errors are fine, panics are not. Seeds are
// the layouts/ files of testdata/*.txtar.
func FuzzNew(f *testing.F) {
	archives, _ := filepath.Glob("testdata/*.txtar")
	for _, path := range archives {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range ar.Files {
			if strings.HasPrefix(file.Name, "layouts/") {
				f.Add(string(file.Data), `{{ partial "x.html" . }}`)
			}
		}
	}
	f.Add(`{{ define "main" }}{{ .Title }}{{ end }}`, `{{ partial "extra.html" . }}`)
	f.Add(`{{ define "main" }}{{ dict 1 }}{{ relURL .Site }}{{ absURL "/x" }}{{ default }}{{ end }}`, `{{ safeHTML . }}`)
	pages := fixture()
	f.Fuzz(func(t *testing.T, single, extra string) {
		tm, err := New(fstest.MapFS{
			"_default/single.html": {Data: []byte(single)},
			"partials/extra.html":  {Data: []byte(extra)},
		}, "layouts")
		if err != nil {
			return
		}
		for _, p := range pages {
			_ = tm.Page(&bytes.Buffer{}, p)
		}
		_ = tm.NotFound(&bytes.Buffer{}, pages["home"].Site)
	})
}

// FuzzReadsOtherBodies: reading any template that parses, as a page's
// main template or as a partial it calls, never panics, and a template
// the analysis clears never shows another page's body.
func FuzzReadsOtherBodies(f *testing.F) {
	f.Add(`{{ .Content }}`, `{{ .Summary }}`)
	f.Add(`{{ range .Site.Pages }}{{ .Summary }}{{ end }}`, ``)
	f.Add(`{{ partial "p.html" (dict "page" .Parent) }}`, `{{ .page.Content }}`)
	f.Add(`{{ $x := . }}{{ with .Next }}{{ $x = . }}{{ end }}{{ $x.TOC }}`, `{{ template "t" . }}`)
	f.Add(`{{ range $i, $p := .Pages }}{{ $i }}{{ partial "p.html" $p }}{{ end }}`, `{{ define "t" }}{{ .JSONLD }}{{ end }}`)
	f.Fuzz(func(t *testing.T, main, part string) {
		fsys := fstest.MapFS{
			"_default/single.html": {Data: []byte(`{{ define "main" }}` + main + `{{ end }}`)},
			"partials/p.html":      {Data: []byte(part)},
		}
		tmpl, err := New(fsys, "layouts")
		if err != nil {
			return
		}
		pages := fixture()
		reads, _ := tmpl.ReadsOtherBodies(pages["install"])
		_ = tmpl.OnlyOwnBodies()
		if reads {
			return
		}
		var before bytes.Buffer
		if tmpl.Page(&before, pages["install"]) != nil {
			return // a template that fails to run is reported as such
		}
		for name, p := range pages {
			if name != "install" {
				p.Content, p.Summary, p.TableOfContents = "<p>changed</p>", "changed", "<nav>changed</nav>"
				p.JSONLD = `{"changed":1}`
				p.TOC = &toc.TOC{Entries: []*toc.Entry{{Heading: toc.Heading{Level: 2, ID: "c", Text: "changed"}}}}
			}
		}
		var after bytes.Buffer
		if tmpl.Page(&after, pages["install"]) == nil && after.String() != before.String() {
			t.Errorf("cleared template shows another page's body:\nmain: %q\npartial: %q", main, part)
		}
	})
}
