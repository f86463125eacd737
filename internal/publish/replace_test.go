package publish

import "testing"

// TestReplace: the file at the same path is replaced; a path not there
// changes nothing and says so.
func TestReplace(t *testing.T) {
	t.Parallel()
	files := []File{{Path: "a.html", Data: []byte("a")}, {Path: "b.html", Data: []byte("b")}}
	if !Replace(files, File{Path: "b.html", Data: []byte("B")}) || string(files[1].Data) != "B" || string(files[0].Data) != "a" {
		t.Errorf("b.html not replaced: %q", files)
	}
	if Replace(files, File{Path: "c.html"}) || len(files) != 2 {
		t.Errorf("a path not there was replaced: %q", files)
	}
}

// TestOwnAt: a file is found at its path only when its source made it;
// ReplaceOwn replaces just that one.
func TestOwnAt(t *testing.T) {
	t.Parallel()
	files := []File{
		{Path: "a.md", Data: []byte("a"), Source: "content/a.md"},
		{Path: "llms.txt", Data: []byte("mine"), Source: "static/llms.txt"},
		{Path: "z.md", Data: []byte("z"), Source: "content/z.md"},
	}
	for _, tc := range []struct {
		name, path, source string
		want               int
	}{
		{"OwnFile", "a.md", "content/a.md", 0},
		{"LastFile", "z.md", "content/z.md", 2},
		{"TakenByAnotherSource", "llms.txt", "the generated llms.txt", -1},
		{"NoFileAtPath", "b.md", "content/b.md", -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := OwnAt(files, tc.path, tc.source); got != tc.want {
				t.Errorf("OwnAt(%q, %q) = %d, want %d", tc.path, tc.source, got, tc.want)
			}
		})
	}
}

// TestReplaceOwn: a file is replaced by one of the same source; a path
// another source took, or none had, is left as it was.
func TestReplaceOwn(t *testing.T) {
	t.Parallel()
	files := []File{
		{Path: "a.md", Data: []byte("a"), Source: "content/a.md"},
		{Path: "llms.txt", Data: []byte("mine"), Source: "static/llms.txt"},
	}
	ReplaceOwn(files, File{Path: "a.md", Data: []byte("A"), Source: "content/a.md"})
	ReplaceOwn(files, File{Path: "llms.txt", Data: []byte("generated"), Source: "the generated llms.txt"})
	ReplaceOwn(files, File{Path: "b.md", Data: []byte("B"), Source: "content/b.md"})
	if len(files) != 2 || string(files[0].Data) != "A" || string(files[1].Data) != "mine" {
		t.Errorf("files = %q, want a.md replaced and llms.txt the site's own", files)
	}
}
