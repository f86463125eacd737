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
