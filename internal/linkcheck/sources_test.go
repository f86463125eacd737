package linkcheck

import (
	"context"
	"fmt"
	"slices"
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

// TestManyBrokenRawHTMLLinksOnOnePage: the same for links written as raw
// HTML in the markdown, which are found in the body: one pass indexes
// the body's words instead of searching all of it for each link.
func TestManyBrokenRawHTMLLinksOnOnePage(t *testing.T) {
	t.Parallel()
	n := 100000
	if testing.Short() {
		n = 10000
	}
	var html, body strings.Builder
	for i := range n {
		u := fmt.Sprintf("/raw/%d/", i)
		fmt.Fprintf(&html, `<a href="%s">x</a>`, u)
		fmt.Fprintf(&body, `<a href="%s">x</a>`, u) // column 10 + 24*(i%10), for i < 100000
		if i%10 == 9 {
			body.WriteString("\n")
		}
	}
	pages := []Page{{Path: "index.html", File: "content/_index.md", Body: []byte(body.String()), BodyLine: 4}}
	l := site("/", pages, map[string]string{"index.html": html.String()})
	bad, _ := l.Internal(context.Background())
	if len(bad) != n {
		t.Fatalf("%d broken links, want %d", len(bad), n)
	}
	for _, r := range bad {
		var i int
		if _, err := fmt.Sscanf(r.URL, "/raw/%d/", &i); err != nil {
			t.Fatalf("result %q: %v", r.URL, err)
		}
		col := 10
		for k := i - i%10; k < i; k++ {
			col += len(fmt.Sprintf(`<a href="/raw/%d/">x</a>`, k))
		}
		want := Source{File: "content/_index.md", Line: 4 + i/10, Column: col, Text: r.URL}
		if len(r.Sources) != 1 || r.Sources[0] != want {
			t.Fatalf("%s: sources %+v, want %+v", r.URL, r.Sources, want)
		}
	}
}

// TestLiteralWords: the index finds what literal finds for hrefs written
// as attribute values, destinations and autolinks.
func TestLiteralWords(t *testing.T) {
	t.Parallel()
	text := "See [a](/a/) and <a href=\"/b/?x=1\">b</a>, <https://c.example/>\n" +
		"<img src='/d.png'> [e](/a/ \"t\") <a href=/f/>f</a> x/a/ /a/b/"
	words := literalWords([]byte(text))
	for _, href := range []string{"/a/", "/b/?x=1", "https://c.example/", "/d.png", "/f/"} {
		got, want := words[href], literal(text, href)
		if href == "/a/" {
			want = slices.DeleteFunc(want, func(off int) bool { return text[off-1] == 'x' }) // inside a word
		}
		if !slices.Equal(got, want) {
			t.Errorf("words[%q] = %v, want %v", href, got, want)
		}
	}
}

// TestSourcesOfEscapedDestinations: a markdown destination with a
// backslash escape or an entity reference (kept as written in
// MarkdownLink.URL) is traced to its link, not to the layout, though the
// rendered href has them decoded.
func TestSourcesOfEscapedDestinations(t *testing.T) {
	t.Parallel()
	links := []MarkdownLink{
		{Dest: `/a/?x=1&amp;y=2`, URL: `/a/?x=1&amp;y=2`, Line: 4, Column: 1},
		{Dest: `/b/\(c\)`, URL: `/b/\(c\)`, Line: 5, Column: 1},
	}
	pages := []Page{{Path: "index.html", File: "content/_index.md", Links: links,
		Layouts: []Template{{File: "layouts/index.html", Text: "{{ .Content }}"}}}}
	l := site("/", pages, map[string]string{"index.html": `<a href="/a/?x=1&amp;y=2">a</a><a href="/b/(c)">b</a>`})
	bad, _ := l.Internal(context.Background())
	got := map[string][]Source{}
	for _, r := range bad {
		got[r.URL] = r.Sources
	}
	for u, want := range map[string]Source{
		"/a/":    {File: "content/_index.md", Line: 4, Column: 1, Text: `/a/?x=1&amp;y=2`},
		"/b/(c)": {File: "content/_index.md", Line: 5, Column: 1, Text: `/b/\(c\)`},
	} {
		if s := got[u]; len(s) != 1 || s[0] != want {
			t.Errorf("sources of %s = %+v, want %+v (results %+v)", u, s, want, bad)
		}
	}
}
