package linkcheck

import (
	"context"
	"reflect"
	"testing"

	"github.com/quire-docs/quire/internal/publish"
)

// TestParsedMatchesData: a file parsed ahead with Parse (and passed with
// Data nil) is checked exactly as one Collect parses itself.
func TestParsedMatchesData(t *testing.T) {
	t.Parallel()
	files := []publish.File{
		{Path: "index.html", Data: []byte(`<h1 id="top">Home</h1><a href="/a/#there">a</a><a href="/a/#gone">b</a><a href="/missing/">c</a>`), Source: "home"},
		{Path: "a/index.html", Data: []byte(`<h2 id="there">There</h2><a href="/#top">up</a>`), Source: "a"},
	}
	want, _ := Collect(context.Background(), files, nil, Options{BaseURL: "/"}).Internal(context.Background())
	if len(want) != 2 {
		t.Fatalf("broken links = %v, want #gone and /missing/", want)
	}
	parsed := map[string]*Parsed{}
	ahead := make([]publish.File, len(files))
	for i, f := range files {
		parsed[f.Path] = Parse(f.Data)
		ahead[i] = publish.File{Path: f.Path, Source: f.Source}
	}
	got, _ := Collect(context.Background(), ahead, nil, Options{BaseURL: "/", Parsed: parsed}).Internal(context.Background())
	if !reflect.DeepEqual(got, want) {
		t.Errorf("with Parsed: %v\nwithout: %v", got, want)
	}
}

// TestParsedEveryFile: when every HTML file is in Parsed, Collect never
// reads Data (here HTML with other links, which would be broken), and one
// Parsed can be passed to the Collect of every build (quire serve keeps
// them between rebuilds) with the same results each time.
func TestParsedEveryFile(t *testing.T) {
	t.Parallel()
	html := map[string]string{
		"index.html":   `<h1 id="top">Home</h1><a href="/a/#there">a</a><a href="/a/#gone">b</a><a href="style.css">c</a>`,
		"a/index.html": `<h2 id="there">There</h2><a href="/#top">up</a><a href="../b.html">b</a>`,
		"b.html":       `<a href="/a/">a</a>`,
	}
	parsed := map[string]*Parsed{}
	var files []publish.File
	for _, p := range []string{"index.html", "a/index.html", "b.html", "style.css"} {
		files = append(files, publish.File{Path: p, Data: []byte(`<a href="/not-parsed/">x</a>`), Source: p})
		if h, ok := html[p]; ok {
			parsed[p] = Parse([]byte(h))
		}
	}
	for build := range 2 {
		got, ok := Collect(context.Background(), files, nil, Options{BaseURL: "/", Parsed: parsed}).Internal(context.Background())
		if len(got) != 1 || got[0].URL != "/a/#gone" || ok != 5 {
			t.Errorf("build %d: broken %v, %d ok; want only /a/#gone broken and 5 ok", build, got, ok)
		}
	}
}
