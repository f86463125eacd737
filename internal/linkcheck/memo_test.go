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

// TestUpdate: the links of a site after some pages changed, made by
// Update from the last Collect, check exactly as a Collect of the new
// files does, through the same Memo.
func TestUpdate(t *testing.T) {
	t.Parallel()
	html := map[string]string{
		"index.html":   `<h1 id="top">Home</h1><a href="/a/#there">a</a><a href="/b/">b</a>`,
		"a/index.html": `<h2 id="there">There</h2><a href="/#top">up</a>`,
		"b/index.html": `<p>B <a href="/a/">a</a></p>`,
	}
	files := func() []publish.File {
		var fs []publish.File
		for _, p := range []string{"a/index.html", "b/index.html", "index.html"} {
			fs = append(fs, publish.File{Path: p, Data: []byte(html[p]), Source: p})
		}
		return fs
	}
	parsed := map[string]*Parsed{}
	for p, h := range html {
		parsed[p] = Parse([]byte(h))
	}
	memo := NewMemo()
	l := Collect(context.Background(), files(), nil, Options{BaseURL: "/", Parsed: parsed, Memo: memo})
	if bad := l.Broken(context.Background()); len(bad) != 0 {
		t.Fatalf("broken: %v", bad)
	}
	for _, edit := range []struct{ path, html string }{
		{"b/index.html", `<p>B <a href="/a/#nope">a</a></p>`},
		{"a/index.html", `<h2 id="moved">There</h2>`},
		{"a/index.html", `<h2 id="there">There</h2><a href="/#top">up</a>`},
	} {
		html[edit.path] = edit.html
		changed := map[string]*Parsed{edit.path: Parse([]byte(edit.html))}
		parsed[edit.path] = changed[edit.path]
		next, ok := l.Update(changed, nil)
		if !ok {
			t.Fatal("Update refused a file of the site")
		}
		got := next.Broken(context.Background())
		want, _ := Collect(context.Background(), files(), nil, Options{BaseURL: "/"}).Internal(context.Background())
		if !reflect.DeepEqual(got, want) {
			t.Errorf("after editing %s: Update gives %v, Collect %v", edit.path, got, want)
		}
		l = next
	}
	if _, ok := l.Update(map[string]*Parsed{"c/index.html": Parse(nil)}, nil); ok {
		t.Error("Update took a file the site does not have")
	}
}
