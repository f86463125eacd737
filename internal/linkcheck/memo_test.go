package linkcheck

import (
	"context"
	"reflect"
	"testing"

	"github.com/quire-docs/quire/internal/publish"
)

// TestMemo runs the internal check of a small site through one Memo
// across edits: each result must equal a check without the memo, and the
// memo must check again exactly the pages it has to.
func TestMemo(t *testing.T) {
	t.Parallel()
	html := map[string]string{
		"index.html":   `<h1 id="top">Home</h1><a href="/a/#there">a</a><a href="/b/">b</a>`,
		"a/index.html": `<h2 id="there">There</h2><a href="/#top">up</a>`,
		"b/index.html": `<p>B <a href="/a/">a</a> <a href="/c.pdf">pdf</a></p>`,
		"c.pdf":        "",
	}
	parsed := map[string]*Parsed{}
	for p, h := range html {
		if isHTML(p) {
			parsed[p] = Parse([]byte(h))
		}
	}
	memo := NewMemo()
	check := func(name string, wantChecked int, wantBroken ...string) {
		t.Helper()
		var files []publish.File
		for p, h := range html {
			files = append(files, publish.File{Path: p, Data: []byte(h), Source: p})
		}
		got := Collect(context.Background(), files, nil, Options{BaseURL: "/", Parsed: parsed, Memo: memo}).Broken(context.Background())
		want, _ := Collect(context.Background(), files, nil, Options{BaseURL: "/"}).Internal(context.Background())
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: with the memo %v, without %v", name, got, want)
		}
		var urls []string
		for _, r := range got {
			urls = append(urls, r.URL)
		}
		if !reflect.DeepEqual(urls, wantBroken) {
			t.Errorf("%s: broken %q, want %q", name, urls, wantBroken)
		}
		if checked, reused := memo.Last(); checked != wantChecked || checked+reused != 3 {
			t.Errorf("%s: checked %d pages and reused %d, want %d checked of 3", name, checked, reused, wantChecked)
		}
	}
	edit := func(p, h string) {
		html[p] = h
		parsed[p] = Parse([]byte(h))
	}
	check("first", 3)
	check("unchanged", 0)
	edit("b/index.html", `<p>B, edited, <a href="/a/">a</a> <a href="/a/#nope">nope</a></p>`)
	check("one page's links", 1, "/a/#nope")
	// The anchor index links to goes away: the pages linking to one of
	// a's fragments are checked again, and the page that did not change
	// reports it.
	edit("a/index.html", `<h2 id="moved">There</h2><a href="/#top">up</a>`)
	check("an id removed", 3, "/a/#nope", "/a/#there")
	delete(html, "c.pdf")
	check("a file removed", 3, "/a/#nope", "/a/#there")
	edit("b/index.html", `<p>B <a href="/c.pdf">pdf</a></p>`)
	check("link to the removed file", 1, "/a/#there", "/c.pdf")
	html["c.pdf"] = ""
	check("file back", 3, "/a/#there")
	check("unchanged again", 0, "/a/#there")
	// No link points to a fragment of b: only b is checked again.
	edit("b/index.html", `<p id="new">B <a href="/c.pdf">pdf</a></p>`)
	check("an id added where no fragment points", 1, "/a/#there")
}
