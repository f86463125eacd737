package site

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/search"
	"github.com/rogpeppe/go-internal/txtar"
)

// hugoBuildSite has a page of each of Hugo's build options in one section,
// a headless section (its cascade renders none of its pages) and a bundle
// that does not publish its files.
const hugoBuildSite = `
-- config.toml --
minify = false
-- content/_index.md --
---
title: Home
---
-- content/docs/_index.md --
---
title: Docs
---
-- content/docs/guide.md --
---
title: Guide
weight: 1
---
See the [API](api.md) at {{< relref "api" >}}.
-- content/docs/api.md --
---
title: API Reference Page
weight: 2
_build: { render: link }
---
-- content/docs/hidden.md --
---
title: Hidden Page
weight: 3
build: {render: never}
---
-- content/docs/local.md --
---
title: Local Page
weight: 4
build: {list: local}
---
-- content/docs/orphan.md --
---
title: Orphan Page
weight: 5
build: {list: never}
---
-- content/docs/last.md --
---
title: Last
weight: 6
---
-- content/docs/bundle/index.md --
---
title: Bundle
weight: 7
build: {publishResources: false}
---
-- content/docs/bundle/pic.png --
png
-- content/snippets/_index.md --
---
title: Snippets
cascade:
  _build: {render: never, list: never}
---
-- content/snippets/one.md --
---
title: Snippet Page
---
`

// TestHugoBuildOptions: render link pages have no file but stand in the
// navigation, Prev/Next and links; render never pages have no file and
// are in no list; list local pages are in their section's list only,
// list never pages in none; none of those is in the sitemap or the search
// index; publishResources false holds back a bundle's files; a cascade
// sets build options as any other key.
func TestHugoBuildOptions(t *testing.T) {
	t.Parallel()
	s := mustBuild(t, hugoBuildSite, Options{})
	if s.Pages != 7 {
		t.Errorf("Site.Pages = %d, want the 7 pages written", s.Pages)
	}
	t.Run("OutputFiles", func(t *testing.T) {
		for path, want := range map[string]bool{
			"docs/guide/index.html":   true,
			"docs/api/index.html":     false,
			"docs/hidden/index.html":  false,
			"docs/local/index.html":   true,
			"docs/orphan/index.html":  true,
			"docs/bundle/index.html":  true,
			"docs/bundle/pic.png":     false,
			"snippets/index.html":     false,
			"snippets/one/index.html": false,
		} {
			if got := hasFile(s, path); got != want {
				t.Errorf("output has %s: %v, want %v", path, got, want)
			}
		}
	})
	t.Run("Navigation", func(t *testing.T) {
		html := file(t, s, "docs/guide/index.html")
		for href, want := range map[string]bool{
			`href="/docs/api/"`:    true,
			`href="/docs/local/"`:  true,
			`href="/docs/hidden/"`: false,
			`href="/docs/orphan/"`: false,
			`href="/snippets/"`:    false,
		} {
			if got := strings.Contains(html, href); got != want {
				t.Errorf("guide's page has %s: %v, want %v", href, got, want)
			}
		}
	})
	t.Run("PrevNextSkipUnlisted", func(t *testing.T) {
		if html := file(t, s, "docs/last/index.html"); !strings.Contains(html, `href="/docs/api/" rel="prev"`) {
			t.Errorf("last page's Prev is not the render link page:\n%s", html)
		}
		if html := file(t, s, "docs/local/index.html"); strings.Contains(html, `rel="prev"`) || strings.Contains(html, `rel="next"`) {
			t.Errorf("list local page has Prev or Next:\n%s", html)
		}
	})
	t.Run("Sitemap", func(t *testing.T) {
		sm := file(t, s, "sitemap.xml")
		if !strings.Contains(sm, "/docs/guide/") {
			t.Errorf("sitemap lacks the guide:\n%s", sm)
		}
		for _, u := range []string{"/docs/api/", "/docs/hidden/", "/docs/local/", "/docs/orphan/", "/snippets/"} {
			if strings.Contains(sm, u) {
				t.Errorf("sitemap lists %s:\n%s", u, sm)
			}
		}
	})
	t.Run("SearchIndex", func(t *testing.T) {
		var ix strings.Builder
		for _, f := range s.Files {
			if search.IsIndexFile(f.Path) {
				ix.Write(f.Data)
			}
		}
		if !strings.Contains(ix.String(), "Guide") {
			t.Fatalf("search index lacks the guide")
		}
		for _, title := range []string{"API Reference Page", "Hidden Page", "Local Page", "Orphan Page", "Snippet Page"} {
			if strings.Contains(ix.String(), title) {
				t.Errorf("search index has %s", title)
			}
		}
	})
	t.Run("LinksToRenderLinkPageStand", func(t *testing.T) {
		html := file(t, s, "docs/guide/index.html")
		if !strings.Contains(html, `<a href="/docs/api/">API</a> at /docs/api/.`) {
			t.Errorf("guide's links to the render link page:\n%s", html)
		}
	})
}

// TestHugoBuildRenderNeverHasNoURL: a page with render never has no URL,
// so a ref to it is an error, and a markdown link to it is broken.
func TestHugoBuildRenderNeverHasNoURL(t *testing.T) {
	t.Parallel()
	_, err := buildTxtar(t, `
-- config.toml --
minify = false
-- content/a.md --
---
title: A
---
A {{< relref "hidden.md" >}} ref.
-- content/hidden.md --
---
title: Hidden
build: {render: never}
---
`, Options{})
	got := strings.Join(errorLines(err), "\n")
	want := `content/a.md:4:3: shortcode "relref": page content/hidden.md has no URL: its build options say render: never`
	if !strings.Contains(got, want) {
		t.Errorf("errors lack %q:\n%s", want, got)
	}
}

func TestHugoBuildLinkToRenderNeverIsBroken(t *testing.T) {
	t.Parallel()
	_, err := buildTxtar(t, `
-- config.toml --
minify = false
-- content/b.md --
---
title: B
---
A [link](hidden.md).
-- content/hidden.md --
---
title: Hidden
build: {render: never}
---
`, Options{})
	got := strings.Join(errorLines(err), "\n")
	if want := `content/b.md:4:3: broken link "hidden.md": /hidden/ is not rendered (content/hidden.md: build.render: never)`; !strings.Contains(got, want) {
		t.Errorf("errors lack %q:\n%s", want, got)
	}
}

// TestHugoBuildOptionsServe: quire serve's builds (with a Cache, quick
// when only text changed) give the site a full build gives, as pages'
// build options change.
func TestHugoBuildOptionsServe(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse([]byte(hugoBuildSite)).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	cache, files := NewCache(), content.NewFileCache()
	tick := 0
	write := func(name, data string) {
		tick++
		fsys[name] = &fstest.MapFile{Data: []byte(data), ModTime: time.Unix(int64(tick), 0)}
	}
	steps := []struct {
		name    string
		edit    func()
		changed []string
		quick   bool
	}{
		{"Cold", func() {}, nil, false},
		{"GuideText", func() {
			write("content/docs/guide.md", "---\ntitle: Guide\nweight: 1\n---\nSee the [API](api.md), edited.\n")
		}, []string{"content/docs/guide.md"}, true},
		{"RenderLinkPageText", func() {
			write("content/docs/api.md", "---\ntitle: API Reference Page\nweight: 2\n_build: { render: link }\n---\nMoved.\n")
		}, []string{"content/docs/api.md"}, true},
		{"LocalPageNowRenderLink", func() {
			write("content/docs/local.md", "---\ntitle: Local Page\nweight: 4\nbuild: {render: link}\n---\n")
		}, []string{"content/docs/local.md"}, false},
		{"RenderLinkPageNowWritten", func() {
			write("content/docs/api.md", "---\ntitle: API Reference Page\nweight: 2\n---\nBack.\n")
		}, []string{"content/docs/api.md"}, false},
	}
	for _, st := range steps {
		st.edit()
		cfg, _, err := config.Parse(fsys["config.toml"].Data)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Build(context.Background(), fsys, cfg, Options{Cache: cache, Files: files, Changed: st.changed})
		if err != nil {
			t.Fatalf("%s: build: %v", st.name, err)
		}
		if cache.Quick() != st.quick {
			t.Errorf("%s: quick = %v, want %v", st.name, cache.Quick(), st.quick)
		}
		want, err := Build(context.Background(), fsys, cfg, Options{})
		if err != nil {
			t.Fatalf("%s: full build: %v", st.name, err)
		}
		sameSite(t, st.name, got, want)
	}
}
