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
