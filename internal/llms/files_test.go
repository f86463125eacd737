package llms

import (
	"slices"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/publish"
)

// testTree is a small site: the home page, a section with a page, an
// optional page at the root, and pages that get no twin.
func testTree() (*content.Site, []*layout.Page) {
	home := &content.Page{Kind: content.KindHome, Title: "Home", Description: "The home page.", File: "content/_index.md", OutPath: "index.html"}
	guide := &content.Page{Kind: content.KindSection, Title: "Guide", Parent: home, File: "content/guide/_index.md", OutPath: "guide/index.html"}
	intro := &content.Page{Kind: content.KindPage, Title: "Intro", Description: "Start here.", Parent: guide, File: "content/guide/intro.md", OutPath: "guide/intro/index.html"}
	extra := &content.Page{Kind: content.KindPage, Title: "Extra", Parent: home, File: "content/extra.md", OutPath: "extra.html",
		Params: map[string]any{"llms": "Optional"}}
	unlisted := &content.Page{Kind: content.KindPage, Title: "Unlisted", Parent: guide, File: "content/guide/unlisted.md", OutPath: "guide/unlisted/index.html",
		Build: content.Build{List: content.ListNever}}
	draft := &content.Page{Kind: content.KindPage, Title: "Draft", Parent: guide, Draft: true, File: "content/guide/draft.md", OutPath: "guide/draft/index.html"}
	tree := &content.Site{Home: home, Pages: []*content.Page{home, guide, intro, extra, unlisted, draft}}
	views := make([]*layout.Page, len(tree.Pages))
	for i, p := range tree.Pages {
		u := "https://example.org/" + strings.TrimSuffix(p.OutPath, "index.html")
		views[i] = &layout.Page{Permalink: u}
	}
	return tree, views
}

// twinsOf returns every page's twin with a body of its own title.
func twinsOf(tree *content.Site, views []*layout.Page) [][]byte {
	twins := make([][]byte, len(tree.Pages))
	for i, p := range tree.Pages {
		twins[i] = PageTwin(p, views[i], []byte("About "+p.Title+".\n"), func(string) (string, bool) { return "", false })
	}
	return twins
}

// TestPageTwin: markdown links are resolved as the page's HTML has them
// and made absolute, raw HTML's are made absolute as written; drafts
// (or pages in a draft section), virtual sections, HTML content files and
// pages not written have no twin.
func TestPageTwin(t *testing.T) {
	t.Parallel()
	tree, views := testTree()
	intro, iv := tree.Pages[2], views[2]
	resolve := func(dest string) (string, bool) {
		if dest == "../install.md" {
			return "/guide/install/", true
		}
		return "", false
	}
	md := "See [install](../install.md), [gone](gone.md#x), [x](https://x.org/) and <a href=\"pic.png\">a pic</a>.\n"
	want := "# Intro\n\nSee [install](https://example.org/guide/install/), [gone](https://example.org/guide/intro/gone.md#x), [x](https://x.org/) and <a href=\"https://example.org/guide/intro/pic.png\">a pic</a>.\n"
	if got := string(PageTwin(intro, iv, []byte(md), resolve)); got != want {
		t.Errorf("PageTwin =\n%s\nwant\n%s", got, want)
	}

	inDraft := &content.Page{Kind: content.KindPage, Title: "In draft", Parent: tree.Pages[5], OutPath: "guide/draft/in/index.html"}
	for _, p := range []*content.Page{
		tree.Pages[5], // a draft
		inDraft,
		{Kind: content.KindSection, Title: "Virtual", Virtual: true, OutPath: "v/index.html"},
		{Kind: content.KindPage, Title: "HTML", HTML: true, OutPath: "h/index.html"},
		{Kind: content.KindPage, Title: "Link", Build: content.Build{Render: content.RenderLink}, OutPath: "l/index.html"},
		{Kind: content.KindPage, Title: "Not HTML", OutPath: "feed.xml"},
	} {
		if got := PageTwin(p, iv, []byte("x"), resolve); got != nil {
			t.Errorf("%s has a twin: %q", p.Title, got)
		}
	}
}

// TestFiles: every twin at its page's path, then llms.txt (listed by
// section, the optional page last, the unlisted one not at all) and
// llms-full.txt; the site's title and params.description win over the
// home page's.
func TestFiles(t *testing.T) {
	t.Parallel()
	tree, views := testTree()
	twins := twinsOf(tree, views)
	cfg := config.Config{Title: "Docs", Params: map[string]any{"description": "All about x."}}
	files := Files(cfg, tree, views, twins)
	var paths []string
	for _, f := range files {
		paths = append(paths, f.Path+" "+f.Source)
	}
	wantPaths := []string{
		"index.md content/_index.md",
		"guide/index.md content/guide/_index.md",
		"guide/intro/index.md content/guide/intro.md",
		"extra.md content/extra.md",
		"guide/unlisted/index.md content/guide/unlisted.md",
		"llms.txt the generated llms.txt",
		"llms-full.txt the generated llms-full.txt",
	}
	if !slices.Equal(paths, wantPaths) {
		t.Fatalf("files =\n%s\nwant\n%s", strings.Join(paths, "\n"), strings.Join(wantPaths, "\n"))
	}
	wantIndex := `# Docs

> All about x.

## Pages

- [Home](https://example.org/index.md): The home page.

## Guide

- [Guide](https://example.org/guide/index.md)
- [Intro](https://example.org/guide/intro/index.md): Start here.

## Optional

- [Extra](https://example.org/extra.md)
`
	if got := string(files[5].Data); got != wantIndex {
		t.Errorf("llms.txt =\n%s\nwant\n%s", got, wantIndex)
	}
	full := string(files[6].Data)
	if !strings.HasPrefix(full, "# Docs\n\n> All about x.\n") || !strings.Contains(full, "URL: https://example.org/extra.md\n\n# Extra\n\nAbout Extra.\n") ||
		strings.Contains(full, "Unlisted") {
		t.Errorf("llms-full.txt =\n%s", full)
	}

	// Without a title or a description of the site's, the home page's.
	files = Files(config.Config{}, tree, views, twins)
	if got := string(files[5].Data); !strings.HasPrefix(got, "# Home\n\n> The home page.\n") {
		t.Errorf("llms.txt without the site's title =\n%s", got)
	}
}

// TestQuick: ReplaceTwins replaces the twins of the pages rendered again
// and DeferredFull makes llms-full.txt from the twins as they were when it
// was called; a site's own llms-full.txt or twin stays.
func TestQuick(t *testing.T) {
	t.Parallel()
	tree, views := testTree()
	twins := twinsOf(tree, views)
	cfg := config.Config{Title: "Docs"}
	files := Files(cfg, tree, views, twins)
	slices.SortFunc(files, func(a, b publish.File) int { return strings.Compare(a.Path, b.Path) })

	twins = slices.Clone(twins)
	twins[2] = []byte("# Intro\n\nEdited.\n")
	twins[3] = []byte("# Extra\n\nEdited.\n")
	own := slices.IndexFunc(files, func(f publish.File) bool { return f.Path == "extra.md" })
	files[own].Source = "static/extra.md" // the site's own file at the twin's path
	ReplaceTwins(files, tree, twins, []int{2, 3})
	for _, f := range files {
		switch f.Path {
		case "guide/intro/index.md":
			if string(f.Data) != "# Intro\n\nEdited.\n" {
				t.Errorf("%s = %q, want the edited twin", f.Path, f.Data)
			}
		case "extra.md":
			if string(f.Data) != "# Extra\n\nAbout Extra.\n" {
				t.Errorf("%s = %q, want the site's own file", f.Path, f.Data)
			}
		}
	}

	d := DeferredFull(files, cfg, tree, views, twins)
	twins[2] = []byte("# Intro\n\nChanged by the next rebuild.\n")
	if d == nil || !d.Owns(fullPath) || d.Owns("llms.txt") {
		t.Fatalf("DeferredFull = %v, want a set owning %s", d, fullPath)
	}
	f, ok := d.Find(fullPath)
	if !ok || !strings.Contains(string(f.Data), "Edited.") || strings.Contains(string(f.Data), "next rebuild") || f.Source != fullSource {
		t.Errorf("deferred llms-full.txt =\n%s", f.Data)
	}

	i := slices.IndexFunc(files, func(f publish.File) bool { return f.Path == fullPath })
	files[i].Source = "static/llms-full.txt"
	if d := DeferredFull(files, cfg, tree, views, twins); d != nil {
		t.Errorf("DeferredFull with the site's own llms-full.txt = %v, want nil", d)
	}
}
