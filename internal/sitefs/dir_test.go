package sitefs

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

func TestDir(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{"assets/css/a.css": {Data: []byte("a{}")}, "file": {Data: []byte("x")}}
	sub := Dir(fsys, "assets")
	if sub == nil {
		t.Fatal("Dir(assets) = nil")
	}
	if b, err := fs.ReadFile(sub, "css/a.css"); err != nil || string(b) != "a{}" {
		t.Errorf("Dir(assets)/css/a.css = %q, %v", b, err)
	}
	for _, dir := range []string{"", "missing", "file"} {
		if got := Dir(fsys, dir); got != nil {
			t.Errorf("Dir(%q) = %v, want nil", dir, got)
		}
	}
}
