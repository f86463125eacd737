package linkcheck

import (
	"context"
	"sync/atomic"
	"testing"
)

// TestSourcesLoadBody: a page whose Body was dropped gives it through
// LoadBody, which is called only to trace a link the markdown links do
// not explain.
func TestSourcesLoadBody(t *testing.T) {
	t.Parallel()
	var calls atomic.Int32
	load := func() []byte {
		calls.Add(1)
		return []byte("Intro.\n\n[one](../x.md)\n\n<a href=\"/raw/\">raw</a>\n")
	}
	pages := []Page{{
		Path: "a/index.html", File: "content/a.md", LoadBody: load, BodyLine: 4,
		Links: []MarkdownLink{{Dest: "../x.md", URL: "/x/", Line: 6, Column: 1}},
	}}
	l := site("/", pages, map[string]string{"a/index.html": `<a href="/x/">one</a>`})
	if bad := mustInternal(l); len(bad) != 1 || calls.Load() != 0 {
		t.Fatalf("broken = %+v, LoadBody called %d times; want /x/ traced without it", bad, calls.Load())
	}
	l = site("/", pages, map[string]string{"a/index.html": `<a href="/raw/">raw</a>`})
	bad, _ := l.Internal(context.Background())
	want := Source{File: "content/a.md", Line: 8, Column: 10, Text: "/raw/"}
	if len(bad) != 1 || len(bad[0].Sources) != 1 || bad[0].Sources[0] != want {
		t.Fatalf("broken = %+v, want /raw/ traced to %+v", bad, want)
	}
	if calls.Load() == 0 {
		t.Error("LoadBody was not called")
	}
}
