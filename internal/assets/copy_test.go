package assets

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/minify"
)

// TestCopy: files are copied to their output paths, minified when a
// minifier is given; one that does not minify is copied as it is with a
// warning at its position, and one that cannot be read is an error.
func TestCopy(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"content/a/style.css": {Data: []byte("a {  color : red ; }")},
		"content/a/bad.js":    {Data: []byte("let x = ;")},
	}
	files := []Copied{
		{File: "content/a/style.css", OutPath: "a/style.css"},
		{File: "content/a/bad.js", OutPath: "a/bad.js"},
		{File: "content/a/gone.png", OutPath: "a/gone.png"},
	}
	var ds diag.List
	out := Copy(fsys, files, minify.New(), &ds)
	if len(out) != 2 || out[0].Path != "a/style.css" || string(out[0].Data) != "a{color:red}" || out[0].Source != "content/a/style.css" {
		t.Errorf("Copy made %+v", out)
	}
	if len(out) == 2 && string(out[1].Data) != "let x = ;" {
		t.Errorf("a file that does not minify became %q, want it as it was", out[1].Data)
	}
	var got []string
	for _, d := range ds {
		got = append(got, d.String())
	}
	text := strings.Join(got, "\n")
	if len(ds) != 2 || !strings.Contains(text, "content/a/bad.js:1:") || !strings.Contains(text, "copied unminified") || !strings.Contains(text, "content/a/gone.png") {
		t.Errorf("diagnostics:\n%s", text)
	}
	ds = nil
	if out := Copy(fsys, files[:1], nil, &ds); len(out) != 1 || string(out[0].Data) != "a {  color : red ; }" || len(ds) != 0 {
		t.Errorf("without a minifier: %+v, %v", out, ds)
	}
}
