package content

import (
	"testing"
	"testing/fstest"
)

// TestBodyEdit: a change of the body alone is an edit; a change of the
// front matter, of the body's first line, a missing file or an HTML
// content file is not.
func TestBodyEdit(t *testing.T) {
	t.Parallel()
	const orig = "---\ntitle: A\nweight: 1\n---\nold body\n"
	fsys := fstest.MapFS{"content/a.md": {Data: []byte(orig)}}
	tree, _, err := Load(fsys, Options{Dir: "content"})
	if err != nil {
		t.Fatal(err)
	}
	var p *Page
	for _, q := range tree.Pages {
		if q.File == "content/a.md" {
			p = q
		}
	}
	if p == nil {
		t.Fatal("no page content/a.md")
	}
	for _, tc := range []struct {
		name, file string
		want       bool
	}{
		{"BodyChanged", "---\ntitle: A\nweight: 1\n---\nnew body, longer\n", true},
		{"Unchanged", orig, true},
		{"FrontMatterChanged", "---\ntitle: B\nweight: 1\n---\nold body\n", false},
		{"BodyMoved", "---\ntitle: A\nweight: 1\n\n---\nold body\n", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{"content/a.md": {Data: []byte(tc.file)}}
			body, ok := BodyEdit(fsys, p)
			if ok != tc.want {
				t.Fatalf("ok = %v, want %v", ok, tc.want)
			}
			if ok && string(body) != tc.file[len("---\ntitle: A\nweight: 1\n---\n"):] {
				t.Errorf("body = %q", body)
			}
		})
	}
	if _, ok := BodyEdit(fstest.MapFS{}, p); ok {
		t.Error("a missing file is an edit")
	}
	html := *p
	html.HTML = true
	if _, ok := BodyEdit(fsys, &html); ok {
		t.Error("an HTML content file is an edit")
	}
}
