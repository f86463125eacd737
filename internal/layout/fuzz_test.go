package layout

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"
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
