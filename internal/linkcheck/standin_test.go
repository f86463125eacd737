package linkcheck

import (
	"context"
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
