package linkcheck

import (
	"context"
	"slices"
	"testing"

	"github.com/quire-docs/quire/internal/publish"
)

// TestStandIn: links to a stand-in page and to its ids are fine, to an
// id it lacks they are broken.
func TestStandIn(t *testing.T) {
	t.Parallel()
	files := []publish.File{
		{Path: "a/index.html", Data: []byte(`<a href="/b/">b</a><a href="/b/#x&amp;y">x</a><a href="/b/#nope">n</a>`)},
		StandIn("b/index.html", "content/b.md", []string{"x&y"}),
	}
	broken := Collect(context.Background(), files, nil, Options{}).Broken(context.Background())
	if len(broken) != 1 || broken[0].URL != "/b/#nope" {
		t.Errorf("broken = %+v, want only /b/#nope", broken)
	}
}

// TestWithStandIns: a stand-in is added where no file is, in path order,
// and never over a file of the build.
func TestWithStandIns(t *testing.T) {
	t.Parallel()
	files := []publish.File{{Path: "a/index.html"}, {Path: "c/index.html", Source: "content/c.md"}}
	got := WithStandIns(files, []publish.File{
		StandIn("c/index.html", "content/other.md", nil),
		StandIn("b/index.html", "content/b.md", nil),
	})
	var paths []string
	for _, f := range got {
		paths = append(paths, f.Path+" "+f.Source)
	}
	want := []string{"a/index.html ", "b/index.html content/b.md", "c/index.html content/c.md"}
	if !slices.Equal(paths, want) {
		t.Errorf("WithStandIns = %q, want %q", paths, want)
	}
	if len(files) != 2 || files[1].Source != "content/c.md" {
		t.Errorf("WithStandIns changed its files: %+v", files)
	}
	if got := WithStandIns(files, nil); &got[0] != &files[0] {
		t.Error("WithStandIns without stand-ins copied its files")
	}
}
