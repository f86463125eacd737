package layout

import (
	"testing"
	"testing/fstest"
)

// TestStrings: string constants a caller asks for are found in every
// kind of action, with their file, line and column, in file then position
// order; a file that does not parse is skipped.
func TestStrings(t *testing.T) {
	t.Parallel()
	root := fstest.MapFS{
		"_default/single.html": {Data: []byte("{{ define \"main\" }}\n  {{ with index .Site.Assets \"js/a.js\" }}{{ . }}{{ end }}\n{{ if eq 1 1 }}{{ resources.Get \"js/b.js\" }}{{ else }}{{ \"js/a.js\" }}{{ end }}{{ end }}")},
		"broken.html":          {Data: []byte("{{ \"js/a.js\" ")},
		"other.html":           {Data: []byte("{{ range (slice \"js/b.js\" \"nope\") }}{{ . }}{{ end }}")},
	}
	want := map[string]bool{"js/a.js": true, "js/b.js": true}
	got := Strings(root, "layouts", want)
	exp := []StringRef{
		{File: "layouts/_default/single.html", Line: 2, Col: 30, Text: "js/a.js"},
		{File: "layouts/_default/single.html", Line: 3, Col: 33, Text: "js/b.js"},
		{File: "layouts/_default/single.html", Line: 3, Col: 58, Text: "js/a.js"},
		{File: "layouts/other.html", Line: 1, Col: 17, Text: "js/b.js"},
	}
	if len(got) != len(exp) {
		t.Fatalf("got %+v, want %+v", got, exp)
	}
	for i := range exp {
		if got[i] != exp[i] {
			t.Errorf("ref %d = %+v, want %+v", i, got[i], exp[i])
		}
	}
	if Strings[bool](nil, "layouts", want) != nil {
		t.Error("a nil root has strings")
	}
}
