package site

import (
	"context"
	"html/template"
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"github.com/quire-docs/quire/internal/config"
)

// TestQuickLeavesLastBuild: a quick rebuild starts from a copy of the
// last build's state, never from the state itself: the last build's
// views, bodies, per-page results and memo keys are as they were, and the
// rebuild's are its own.
func TestQuickLeavesLastBuild(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"config.toml":                {Data: []byte("title = 'Docs'\n")},
		"layouts/_default/list.html": {Data: []byte(`{{ define "main" }}{{ .Content }}{{ range .Pages }}{{ .Summary }}{{ end }}{{ end }}`)},
		"content/_index.md":          page("Home", "Welcome.\n"),
		"content/a.md":               page("Alpha", "Alpha text, see [b](b.md).\n"),
		"content/b.md":               page("Beta", "Beta text.\n"),
	}
	cfg, _, err := config.Parse(fsys["config.toml"].Data)
	if err != nil {
		t.Fatal(err)
	}
	cache := NewCache()
	if _, err := Build(context.Background(), fsys, cfg, Options{Cache: cache, Links: LinksWarn}); err != nil {
		t.Fatal(err)
	}
	last := cache.last.Load()
	i := last.snap.byFile["content/a.md"]
	p := last.snap.tree.Pages[i]
	contents := make([]template.HTML, len(last.site.Pages))
	for j, v := range last.site.Pages {
		contents[j] = v.Content
	}
	source := string(last.render.Source(p))
	links := last.pages.mdLinks[i]
	key := last.snap.memo.Key(i)

	fsys["content/a.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Alpha\n---\nAlpha edited.\n"), ModTime: time.Unix(9, 0)}
	if _, err := Build(context.Background(), fsys, cfg, Options{Cache: cache, Links: LinksWarn, Changed: []string{"content/a.md"}}); err != nil {
		t.Fatal(err)
	}
	if !cache.Quick() {
		t.Fatal("the edit was not rebuilt quickly")
	}
	for j, v := range last.site.Pages {
		if v.Content != contents[j] {
			t.Errorf("page %d's view in the last build changed: %q, was %q", j, v.Content, contents[j])
		}
	}
	if got := string(last.render.Source(p)); got != source {
		t.Errorf("the last build's body of a.md changed to %q", got)
	}
	if !slices.Equal(last.pages.mdLinks[i], links) {
		t.Error("the last build's links of a.md changed")
	}
	if last.snap.memo.Key(i) != key {
		t.Error("the last build's page memo key of a.md changed")
	}
	next := cache.last.Load()
	if next == last || next.site == last.site || next.site.Pages[i] == last.site.Pages[i] {
		t.Fatal("the rebuild kept the last build's state, not a copy")
	}
	if got := string(next.render.Source(next.snap.tree.Pages[i])); got != "Alpha edited.\n" {
		t.Errorf("the rebuild's body of a.md = %q", got)
	}
	if next.snap.memo == last.snap.memo || next.snap.memo.Key(i) == key {
		t.Error("the rebuild's memo key of a.md is not its own")
	}
}
