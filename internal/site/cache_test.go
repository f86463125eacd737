package site

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/quire-docs/quire/internal/config"
)

// cachedBuild builds fsys with cache and checks the result is
// byte-identical to a build without one; it returns the site and how many
// pages' markdown the build rendered.
func cachedBuild(t *testing.T, fsys fstest.MapFS, cache *Cache) (*Site, int) {
	t.Helper()
	cfg, _, err := config.Parse(fsys["config.toml"].Data)
	if err != nil {
		t.Fatal(err)
	}
	// Links as quire serve reports them: the edits break links on purpose.
	got, err := Build(context.Background(), fsys, cfg, Options{Cache: cache, Links: LinksWarn})
	if err != nil {
		t.Fatalf("cached build: %v", err)
	}
	want, err := Build(context.Background(), fsys, cfg, Options{Links: LinksWarn})
	if err != nil {
		t.Fatalf("plain build: %v", err)
	}
	if len(got.Files) != len(want.Files) {
		t.Fatalf("cached build has %d files, plain build %d", len(got.Files), len(want.Files))
	}
	for i := range got.Files {
		g, w := got.Files[i], want.Files[i]
		if g.Path != w.Path || !bytes.Equal(g.Data, w.Data) {
			t.Fatalf("cached build differs from plain build at %s (plain: %s):\n%s\nwant:\n%s", g.Path, w.Path, g.Data, w.Data)
		}
	}
	if !reflect.DeepEqual(got.BrokenLinks, want.BrokenLinks) {
		t.Fatalf("cached build's broken links differ:\n%v\nplain build:\n%v", got.BrokenLinks, want.BrokenLinks)
	}
	if g, w := fmt.Sprint(got.Warnings), fmt.Sprint(want.Warnings); g != w {
		t.Fatalf("cached build's warnings differ:\n%s\nplain build:\n%s", g, w)
	}
	rendered, reused := cache.Last()
	if rendered+reused != got.Pages {
		t.Errorf("rendered %d + reused %d != %d pages", rendered, reused, got.Pages)
	}
	return got, rendered
}

func page(title, body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\n---\n" + body)}
}

// TestCacheRebuilds: across a series of edits, a cached build is always
// byte-identical to a fresh one, and renders only the markdown that
// changed or whose links now resolve differently.
func TestCacheRebuilds(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"config.toml":            {Data: []byte("title = 'Docs'\n")},
		"content/_index.md":      page("Home", "Welcome.\n"),
		"content/docs/_index.md": page("Docs", "All docs.\n"),
		"content/docs/a.md":      page("Alpha", "See [the new page](new.md) and [beta](b.md).\n"),
		"content/docs/b.md":      page("Beta", "Beta text.\n"),
		"content/docs/c.md":      page("Gamma", "Gamma text.\n"),
	}
	cache := NewCache()
	steps := []struct {
		name      string
		edit      func()
		rendered  int // pages whose markdown is rendered
		templated int // pages whose templates run
		check     func(t *testing.T, s *Site)
	}{
		{"Cold", func() {}, 5, 5, nil},
		{"Unchanged", func() {}, 0, 0, nil},
		{"OneBodyEdited", func() { fsys["content/docs/c.md"] = page("Gamma", "Gamma text, edited.\n") }, 1, 1,
			func(t *testing.T, s *Site) { contains(t, s, "docs/c/index.html", "Gamma text, edited.") }},
		{"TitleChanged", func() { fsys["content/docs/b.md"] = page("Beta Renamed", "Beta text.\n") }, 0, 5,
			func(t *testing.T, s *Site) { contains(t, s, "docs/c/index.html", "Beta Renamed") }},
		{"LinkedPageAdded", func() { fsys["content/docs/new.md"] = page("New", "New text.\n") }, 2, 6,
			func(t *testing.T, s *Site) { contains(t, s, "docs/a/index.html", "/docs/new/") }},
		{"LinkedPageDeleted", func() { delete(fsys, "content/docs/new.md") }, 1, 5,
			func(t *testing.T, s *Site) {
				if hasFile(s, "docs/new/index.html") {
					t.Error("deleted page still built")
				}
			}},
		{"ConfigChanged", func() { fsys["config.toml"] = &fstest.MapFile{Data: []byte("title = 'Docs'\nbaseURL = '/sub/'\n")} }, 1, 5,
			func(t *testing.T, s *Site) { contains(t, s, "docs/a/index.html", "/sub/docs/b/") }},
		{"MarkdownOptionChanged", func() {
			fsys["config.toml"] = &fstest.MapFile{Data: []byte("title = 'Docs'\nbaseURL = '/sub/'\n[markup.goldmark.renderer]\nunsafe = false\n")}
		}, 5, 5, nil},
		{"LayoutChanged", func() {
			fsys["layouts/partials/footer.html"] = &fstest.MapFile{Data: []byte("<footer>new footer</footer>")}
		}, 0, 5, func(t *testing.T, s *Site) { contains(t, s, "docs/b/index.html", "new footer") }},
		{"AssetChanged", func() {
			fsys["assets/css/site.css"] = &fstest.MapFile{Data: []byte("body{color:red}")}
		}, 0, 5, nil},
		{"TranslationChanged", func() {
			fsys["i18n/en.toml"] = &fstest.MapFile{Data: []byte("next = \"Onwards\"\n")}
		}, 0, 5, func(t *testing.T, s *Site) { contains(t, s, "docs/a/index.html", ">Onwards</span>") }},
		{"UnchangedAgain", func() {}, 0, 0, nil},
	}
	for _, st := range steps {
		st.edit()
		s, rendered := cachedBuild(t, fsys, cache)
		if rendered != st.rendered {
			t.Errorf("%s: rendered %d pages' markdown, want %d", st.name, rendered, st.rendered)
		}
		if templated, kept := cache.LastPages(); templated != st.templated || templated+kept != s.Pages {
			t.Errorf("%s: ran templates for %d pages and kept %d, want %d of %d", st.name, templated, kept, st.templated, s.Pages)
		}
		if st.check != nil {
			st.check(t, s)
		}
	}
	if n := cache.markdown.Len(); n != 5 {
		t.Errorf("cache holds %d entries after the deletion, want 5", n)
	}
}

// TestCacheListReadsBodies: with a list layout that shows each child's
// summary, editing one page's text runs the templates of that page and of
// the list pages, and the lists show the new text.
func TestCacheListReadsBodies(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"config.toml":                {Data: []byte("title = 'Docs'\n")},
		"layouts/_default/list.html": {Data: []byte(`{{ define "main" }}{{ range .Pages }}<p>{{ .Summary }}</p>{{ end }}{{ end }}`)},
		"content/_index.md":          page("Home", "Welcome.\n"),
		"content/docs/_index.md":     page("Docs", "All docs.\n"),
		"content/docs/a.md":          page("Alpha", "Alpha text.\n"),
		"content/docs/b.md":          page("Beta", "Beta text.\n"),
		"content/guide/_index.md":    page("Guide", "The guide.\n"),
		"content/guide/start.md":     page("Start", "Start here.\n"),
	}
	cache := NewCache()
	cachedBuild(t, fsys, cache)
	fsys["content/docs/b.md"] = page("Beta", "Beta text, edited.\n")
	s, _ := cachedBuild(t, fsys, cache)
	contains(t, s, "docs/index.html", "Beta text, edited.")
	// b itself and the three list pages (home, docs, guide): a list may
	// read any page's body, so every list runs again.
	if templated, _ := cache.LastPages(); templated != 4 {
		t.Errorf("ran templates for %d pages, want 4", templated)
	}
}

// TestCacheKeptOnFailedBuild: a build that fails (broken front matter)
// leaves the cache as the last good build left it.
func TestCacheKeptOnFailedBuild(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"config.toml":  {Data: nil},
		"content/a.md": page("A", "A text.\n"),
		"content/b.md": page("B", "B text.\n"),
	}
	cache := NewCache()
	cachedBuild(t, fsys, cache)
	fsys["content/b.md"] = &fstest.MapFile{Data: []byte("---\ntitle: [unclosed\n---\nB\n")}
	cfg, _, _ := config.Parse(nil)
	if _, err := Build(context.Background(), fsys, cfg, Options{Cache: cache}); err == nil {
		t.Fatal("broken front matter built")
	}
	fsys["content/b.md"] = page("B", "B text.\n")
	if _, rendered := cachedBuild(t, fsys, cache); rendered != 0 {
		t.Errorf("rendered %d pages after a failed build, want 0", rendered)
	}
}

func contains(t *testing.T, s *Site, path, want string) {
	t.Helper()
	if got := file(t, s, path); !strings.Contains(got, want) {
		t.Errorf("%s lacks %q:\n%s", path, want, got)
	}
}
