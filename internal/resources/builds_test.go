package resources

import (
	"testing"
	"testing/fstest"
)

// TestBuildsSwap: a quick rebuild's published files replace the last
// build's, a path another file holds clashes, and a change of the set of
// published paths is reported.
func TestBuildsSwap(t *testing.T) {
	t.Parallel()
	var bs Builds
	if bs.Store() != nil {
		t.Fatal("a store before Begin")
	}
	bs.Begin(Options{Files: fstest.MapFS{}})
	bs.Store().publish(File{Path: "img/a_1.png", Source: "content/a.md"})
	if got := bs.Published(); len(got) != 1 {
		t.Fatalf("published %v", got)
	}
	last := []string{"a/index.html", "img/a_1.png", "z/index.html"}
	id := func(s string) string { return s }
	conv := func(f File) string { return f.Path }

	bs.Again()
	bs.Store().publish(File{Path: "img/a_1.png"})
	out, clashes, changed := Swap(&bs, last, id, conv)
	if len(out) != 3 || len(clashes) != 0 || changed {
		t.Errorf("same resources: out %v clashes %v changed %v", out, clashes, changed)
	}

	bs.Again()
	bs.Store().publish(File{Path: "img/a_2.png"})
	bs.Store().publish(File{Path: "z/index.html"})
	out, clashes, changed = Swap(&bs, out, id, conv)
	want := []string{"a/index.html", "img/a_2.png", "z/index.html"}
	if len(out) != len(want) || out[0] != want[0] || out[1] != want[1] || out[2] != want[2] || len(clashes) != 1 || !changed {
		t.Errorf("new resources: out %v (want %v), clashes %v, changed %v", out, want, clashes, changed)
	}
}
