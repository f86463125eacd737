package linkcheck

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// TestManyBrokenLinksOnOnePage: a page with 100,000 broken links (each
// written once in its markdown) completes, and every link is traced to its
// own line and column. Tracing a link looks its URL up in the page's
// links instead of walking all of them, which made this page quadratic.
func TestManyBrokenLinksOnOnePage(t *testing.T) {
	t.Parallel()
	n := 100000
	if testing.Short() {
		n = 10000
	}
	var html strings.Builder
	links := make([]MarkdownLink, n)
	for i := range n {
		u := fmt.Sprintf("/nope/%d/", i)
		fmt.Fprintf(&html, `<a href="%s">x</a>`, u)
		links[i] = MarkdownLink{Dest: fmt.Sprintf("nope%d.md", i), URL: u, Line: 5 + i/10, Column: 1 + 12*(i%10)}
	}
	pages := []Page{{Path: "index.html", File: "content/_index.md", Links: links}}
	l := site("/", pages, map[string]string{"index.html": html.String()})
	bad, _ := l.Internal(context.Background())
	if len(bad) != n {
		t.Fatalf("%d broken links, want %d", len(bad), n)
	}
	for _, r := range bad {
		var i int
		if _, err := fmt.Sscanf(r.URL, "/nope/%d/", &i); err != nil {
			t.Fatalf("result %q: %v", r.URL, err)
		}
		want := Source{File: "content/_index.md", Line: 5 + i/10, Column: 1 + 12*(i%10), Text: fmt.Sprintf("nope%d.md", i)}
		if len(r.Sources) != 1 || r.Sources[0] != want {
			t.Fatalf("%s: sources %+v, want %+v", r.URL, r.Sources, want)
		}
	}
}
