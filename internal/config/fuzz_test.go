package config

import (
	"bytes"
	"errors"
	"path/filepath"
	"testing"

	"github.com/quire-docs/quire/internal/diag"
	"github.com/rogpeppe/go-internal/txtar"
)

// FuzzParse checks that no input makes Parse panic and that every problem
// comes back as a diagnostic.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, af := range ar.Files {
			if af.Name == "config.toml" {
				f.Add(af.Data)
			}
		}
	}
	f.Add([]byte("markup = { highlight = { style = \"nord\" } }\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, warns, err := Parse(data)
		maxLine := bytes.Count(data, []byte("\n")) + 1
		var all diag.List
		all.AddError("", err)
		for _, d := range append(all, warns...) {
			if d.Line < 0 || d.Line > maxLine || d.Col < 0 {
				t.Errorf("Parse(%q): %v points outside the %d-line input", data, d, maxLine)
			}
		}
		for _, w := range warns {
			if w.Severity != diag.Warning || w.File != "" {
				t.Errorf("Parse(%q): bad warning %#v", data, w)
			}
		}
		if err == nil {
			return
		}
		var d *diag.Diagnostic
		if !errors.As(err, &d) {
			t.Errorf("Parse(%q) error %v is not a *diag.Diagnostic", data, err)
		}
	})
}

// FuzzParseFormats checks that no YAML or JSON input makes ParseFormat
// panic and that every problem is a diagnostic inside the input.
func FuzzParseFormats(f *testing.F) {
	f.Add([]byte("title: x\nmarkup:\n  highlight: {style: nope}\nparams:\n  a: &a [1, 2]\n  b: *a\n"), uint8(YAML))
	f.Add([]byte("languages:\n  en:\n    contentDir: content/en\n    description: d\n"), uint8(YAML))
	f.Add([]byte("a: &a [*a]\n"), uint8(YAML))
	f.Add([]byte("- 1\n"), uint8(YAML))
	f.Add([]byte(`{"title": "x", "markup": {"tableOfContents": {"endLevel": 9}}, "n": 1.5}`), uint8(JSON))
	f.Fuzz(func(t *testing.T, data []byte, format uint8) {
		fm := YAML
		if format%2 == 1 {
			fm = JSON
		}
		_, warns, err := ParseFormat(data, fm)
		// YAML also breaks lines at a lone "\r".
		maxLine := bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) + 1
		var all diag.List
		all.AddError("", err)
		for _, d := range append(all, warns...) {
			if d.Line < 0 || d.Line > maxLine || d.Col < 0 {
				t.Errorf("ParseFormat(%q, %v): %v points outside the %d-line input", data, fm, d, maxLine)
			}
		}
		if err == nil {
			return
		}
		var d *diag.Diagnostic
		if !errors.As(err, &d) {
			t.Errorf("ParseFormat(%q, %v) error %v is not a *diag.Diagnostic", data, fm, err)
		}
	})
}
