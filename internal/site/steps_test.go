package site

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/quire-docs/quire/internal/config"
)

// TestCacheLinkChecks: with a Cache (which hands each build's link check
// to the next), the broken links and warnings of every rebuild are those
// of a build from scratch, while links break and are fixed.
func TestCacheLinkChecks(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"config.toml":       {Data: []byte("title = 'Docs'\n")},
		"content/_index.md": page("Home", "See [a](a.md#setup) and [b](b.md).\n"),
		"content/a.md":      page("A", "## Setup\n\nText.\n"),
		"content/b.md":      page("B", "Back to [a](a.md#setup), [c](c.md).\n"),
	}
	cache := NewCache()
	steps := []struct {
		name   string
		edit   func()
		broken int
	}{
		{"Cold", func() {}, 1},
		{"TextOnly", func() { fsys["content/b.md"] = page("B", "Back to [a](a.md#setup), [c](c.md), edited.\n") }, 1},
		{"AnchorRenamed", func() { fsys["content/a.md"] = page("A", "## Install\n\nText.\n") }, 2},
		{"LinkedPageAdded", func() { fsys["content/c.md"] = page("C", "C.\n") }, 1},
		{"AnchorBack", func() { fsys["content/a.md"] = page("A", "## Setup\n\nText.\n") }, 0},
		{"LinkedPageDeleted", func() { delete(fsys, "content/c.md") }, 1},
		{"Unchanged", func() {}, 1},
	}
	cfg, _, err := config.Parse(fsys["config.toml"].Data)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range steps {
		st.edit()
		got, err := Build(context.Background(), fsys, cfg, Options{Cache: cache, Links: LinksWarn})
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		want, err := Build(context.Background(), fsys, cfg, Options{Links: LinksWarn})
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if !reflect.DeepEqual(got.BrokenLinks, want.BrokenLinks) || !reflect.DeepEqual(got.Warnings, want.Warnings) {
			t.Errorf("%s: with the cache: %v %v\nfrom scratch: %v %v", st.name, got.BrokenLinks, got.Warnings, want.BrokenLinks, want.Warnings)
		}
		if len(got.BrokenLinks) != st.broken {
			t.Errorf("%s: %d broken links, want %d: %v", st.name, len(got.BrokenLinks), st.broken, got.BrokenLinks)
		}
	}
}

// TestCacheLinkPositions: a broken link keeps its true line when an edit
// moves it without changing the page's HTML (blank lines added above).
func TestCacheLinkPositions(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"config.toml":  {Data: []byte("title = 'Docs'\n")},
		"content/a.md": page("A", "Intro.\n\nSee [gone](gone.md).\n"),
	}
	cfg, _, err := config.Parse(fsys["config.toml"].Data)
	if err != nil {
		t.Fatal(err)
	}
	cache := NewCache()
	for _, body := range []string{"Intro.\n\nSee [gone](gone.md).\n", "Intro.\n\n\n\n\nSee [gone](gone.md).\n"} {
		fsys["content/a.md"] = page("A", body)
		got, err := Build(context.Background(), fsys, cfg, Options{Cache: cache, Links: LinksWarn})
		if err != nil {
			t.Fatal(err)
		}
		want, err := Build(context.Background(), fsys, cfg, Options{Links: LinksWarn})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.BrokenLinks, want.BrokenLinks) {
			t.Errorf("body %q: with the cache %v\nfrom scratch %v", body, got.BrokenLinks, want.BrokenLinks)
		}
	}
}

// TestCacheValidate: with a Cache, an output path that needs a directory
// where a file is fails the build each time it is there, however often
// the same valid paths passed before.
func TestCacheValidate(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"config.toml":       {Data: []byte("title = 'Docs'\n")},
		"content/_index.md": page("Home", "Home.\n"),
		"content/guide.md":  page("Guide", "Guide.\n"),
	}
	cfg, _, err := config.Parse(fsys["config.toml"].Data)
	if err != nil {
		t.Fatal(err)
	}
	cache := NewCache()
	for i, clash := range []bool{false, false, true, true, false} {
		if clash {
			fsys["content/guide"] = &fstest.MapFile{Data: []byte("a file where guide/ must be a directory")}
		} else {
			delete(fsys, "content/guide")
		}
		_, err := Build(context.Background(), fsys, cfg, Options{Cache: cache})
		if clash && (err == nil || !strings.Contains(err.Error(), "to be a directory")) {
			t.Errorf("build %d: error %v, want guide/ needed as a directory", i, err)
		}
		if !clash && err != nil {
			t.Errorf("build %d: %v", i, err)
		}
	}
}
