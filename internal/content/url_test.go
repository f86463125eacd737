package content

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadURLs(t *testing.T) {
	t.Parallel()
	r := mustLoad(t, `
-- content/_index.md --
---
title: Home
---
-- content/faq/_index.md --
---
title: FAQ
---
-- content/faq/security.md --
---
title: Security
---
-- content/faq/Odd Name.md --
---
title: Odd
---
-- content/faq/slugged.md --
---
title: Slugged
slug: my slug
---
-- content/faq/setup/index.md --
---
title: Setup
---
-- content/faq/setup/diagram.png --
PNG
-- content/faq/setup/img/a.svg --
SVG
-- content/moved.md --
---
title: Moved
url: elsewhere/here
---
-- content/file.md --
---
title: File
url: /exact/file.html
---
-- content/feed.md --
---
title: Feed
url: index.xml
---
-- content/docs/_index.md --
---
title: Docs
slug: manual
---
-- content/docs/intro.md --
---
title: Intro
---
-- content/bundle/index.md --
---
title: Bundle
url: /b/
---
-- content/bundle/pic.jpg --
JPG
`)
	want := map[string][2]string{
		"_index.md":          {"/", "index.html"},
		"faq/_index.md":      {"/faq/", "faq/index.html"},
		"faq/security.md":    {"/faq/security/", "faq/security/index.html"},
		"faq/Odd Name.md":    {"/faq/Odd-Name/", "faq/Odd-Name/index.html"},
		"faq/slugged.md":     {"/faq/my-slug/", "faq/my-slug/index.html"},
		"faq/setup/index.md": {"/faq/setup/", "faq/setup/index.html"},
		"moved.md":           {"/elsewhere/here/", "elsewhere/here/index.html"},
		"file.md":            {"/exact/file.html", "exact/file.html"},
		"feed.md":            {"/index.xml", "index.xml"},
		"docs/_index.md":     {"/manual/", "manual/index.html"},
		"docs/intro.md":      {"/manual/intro/", "manual/intro/index.html"},
		"bundle/index.md":    {"/b/", "b/index.html"},
	}
	got := map[string][2]string{}
	for _, p := range r.site.Pages {
		got[p.Path] = [2]string{p.RelPermalink, p.OutPath}
	}
	for path, w := range want {
		if got[path] != w {
			t.Errorf("%s: RelPermalink, OutPath = %q, want %q", path, got[path], w)
		}
	}
	t.Run("LeafBundleResourcesFollowTheirPage", func(t *testing.T) {
		want := []StaticFile{
			{File: "content/bundle/pic.jpg", OutPath: "b/pic.jpg"},
			{File: "content/faq/setup/diagram.png", OutPath: "faq/setup/diagram.png"},
			{File: "content/faq/setup/img/a.svg", OutPath: "faq/setup/img/a.svg"},
		}
		if !reflect.DeepEqual(r.site.Static, want) {
			t.Errorf("Static = %v, want %v", r.site.Static, want)
		}
	})
	t.Run("LeafBundleIsAPage", func(t *testing.T) {
		for _, p := range r.site.Pages {
			if p.Path == "faq/setup/index.md" && (p.Kind != KindPage || p.Parent.Path != "faq/_index.md") {
				t.Errorf("leaf bundle kind %v parent %s, want a page in faq/", p.Kind, p.Parent.Path)
			}
		}
	})
}

func TestLoadCollisions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, archive string
		want          []string
	}{
		{"URLTakenByAnotherPage", `
-- content/a.md --
---
title: A
---
-- content/b.md --
---
title: B
url: /a/
---
`, []string{"content/b.md:3:6: URL /a/ is also produced by content/a.md (hint: give one of them a different slug or url)"}},
		{"SlugTakenByAnotherPage", `
-- content/x/a.md --
---
title: A
---
-- content/x/b.md --
---
title: B
slug: a
---
`, []string{"content/x/b.md:3:7: URL /x/a/ is also produced by content/x/a.md (hint: give one of them a different slug or url)"}},
		{"PageFileBesideSectionDir", `
-- content/faq.md --
---
title: FAQ page
---
-- content/faq/q.md --
---
title: Q
---
`, []string{"content/faq/: URL /faq/ is also produced by content/faq.md (hint: give one of them a different slug or url)"}},
		{"MarkdownAndMarkdownExtension", `
-- content/a.md --
---
title: A
---
-- content/a.markdown --
---
title: A again
---
`, []string{"content/a.md: URL /a/ is also produced by content/a.markdown (hint: give one of them a different slug or url)"}},
		{"StaticFileWherePageWrites", `
-- content/a.md --
---
title: A
---
-- content/a/index.html --
<p>
`, []string{"content/a/index.html: file a/index.html is also produced by content/a.md"}},
		{"DraftsDoNotCollide", `
-- content/a.md --
---
title: A
---
-- content/b.md --
---
title: B
url: /a/
draft: true
---
`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := loadTxtar(t, tt.archive)
			if got := errLines(r.err); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("errors =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestLoadStaticFiles(t *testing.T) {
	t.Parallel()
	r := mustLoad(t, `
-- content/a.md --
---
title: A
---
-- content/img/logo.png --
PNG
-- content/faq/notes.txt --
text
-- content/Big File.PDF --
pdf
-- content/.hidden --
x
-- content/.dir/x.png --
x
-- content/a.md~ --
x
-- content/.#a.md --
x
-- content/.a.md.swp --
x
-- content/#a.md# --
x
-- content/page.MD --
---
title: Upper-case extension is a page
---
`)
	want := []StaticFile{
		{File: "content/Big File.PDF", OutPath: "Big File.PDF"},
		{File: "content/faq/notes.txt", OutPath: "faq/notes.txt"},
		{File: "content/img/logo.png", OutPath: "img/logo.png"},
	}
	if !reflect.DeepEqual(r.site.Static, want) {
		t.Errorf("Static = %v, want %v", r.site.Static, want)
	}
	if got := paths(r.site.Pages); !reflect.DeepEqual(got, []string{"", "a.md", "page.MD"}) {
		t.Errorf("Site.Pages = %q, want home, a.md, page.MD (a directory of static files only is no section)", got)
	}
}

func TestLoadTitles(t *testing.T) {
	t.Parallel()
	r := mustLoad(t, `
-- content/_index.md --
Home without front matter.
-- content/faq/my-question.md --
#### Q
-- content/getting-started/_index.md --
---
weight: 1
---
-- content/getting-started/setup_guide/index.md --
---
weight: 1
---
-- content/virtual_dir/page.md --
---
title: P
---
`)
	want := map[string]string{
		"_index.md":                            "Home",
		"faq/":                                 "Faq",
		"faq/my-question.md":                   "My question",
		"getting-started/_index.md":            "Getting started",
		"getting-started/setup_guide/index.md": "Setup guide",
		"virtual_dir/":                         "Virtual dir",
		"virtual_dir/page.md":                  "P",
	}
	for _, p := range r.site.Pages {
		if p.Title != want[p.Path] || p.LinkTitle != p.Title {
			t.Errorf("%q: Title, LinkTitle = %q, %q, want %q", p.Path, p.Title, p.LinkTitle, want[p.Path])
		}
	}
	wantWarns := []string{
		`content/_index.md:1:1: page has no title; using "Home" (hint: add title: "Home" to the front matter)`,
		`content/faq/my-question.md:1:1: page has no title; using "My question" (hint: add title: "My question" to the front matter)`,
		`content/getting-started/_index.md:1:1: page has no title; using "Getting started" (hint: add title: "Getting started" to the front matter)`,
		`content/getting-started/setup_guide/index.md:1:1: page has no title; using "Setup guide" (hint: add title: "Setup guide" to the front matter)`,
	}
	if got := diagLines(r.warns); !reflect.DeepEqual(got, wantWarns) {
		t.Errorf("warnings =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantWarns, "\n"))
	}
}

func TestLoadTypeInherited(t *testing.T) {
	t.Parallel()
	r := mustLoad(t, `
-- content/faq/_index.md --
---
title: FAQ
type: faq
---
-- content/faq/a.md --
---
title: A
---
-- content/faq/sub/b.md --
---
title: B
---
-- content/faq/own.md --
---
title: Own
type: doc
---
-- content/other.md --
---
title: Other
---
`)
	want := map[string]string{"": "", "faq/_index.md": "faq", "faq/a.md": "faq", "faq/sub/": "faq",
		"faq/sub/b.md": "faq", "faq/own.md": "doc", "other.md": ""}
	for _, p := range r.site.Pages {
		if p.Type != want[p.Path] {
			t.Errorf("%s: Type = %q, want %q", p.Path, p.Type, want[p.Path])
		}
	}
}

func TestLoadContentDir(t *testing.T) {
	t.Parallel()
	t.Run("MissingDirIsAnError", func(t *testing.T) {
		t.Parallel()
		site, _, err := Load(fstest.MapFS{}, Options{Dir: "content"})
		if err == nil || !strings.HasPrefix(err.Error(), "content: cannot read the content directory") {
			t.Errorf("Load(no content dir) error = %v", err)
		}
		if site == nil || site.Home == nil || len(site.Pages) != 1 {
			t.Errorf("Load(no content dir) site = %+v, want a synthesised home", site)
		}
	})
	t.Run("RootOfFS", func(t *testing.T) {
		t.Parallel()
		fsys := fstest.MapFS{"a.md": {Data: []byte("---\ntitle: A\n---\n")}}
		site, _, err := Load(fsys, Options{})
		if err != nil || len(site.Pages) != 2 || site.Pages[1].File != "a.md" || site.Pages[1].RelPermalink != "/a/" {
			t.Errorf("Load(root) = %v, %v", paths(site.Pages), err)
		}
	})
	t.Run("EmptyDir", func(t *testing.T) {
		t.Parallel()
		fsys := fstest.MapFS{"content": {Mode: 0o755 | 1<<31}}
		site, _, err := Load(fsys, Options{Dir: "content"})
		if err != nil || site.Home == nil || !site.Home.Virtual || site.Home.RelPermalink != "/" {
			t.Errorf("Load(empty) = %+v, %v; want a synthesised home at /", site.Home, err)
		}
	})
}
