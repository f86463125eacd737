package content

import (
	"net/url"
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
		"faq/Odd Name.md":    {"/faq/odd-name/", "faq/odd-name/index.html"},
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
		{"CaseOnlyDifference", `
-- content/FAQ.md --
---
title: FAQ
---
-- content/faq.md --
---
title: faq
---
`, []string{"content/faq.md: URL /faq/ differs only in case from /FAQ/, produced by content/FAQ.md (hint: they collide on case-insensitive file systems and web hosts; rename one, or give it a different slug or url)"}},
		{"NormalisationOnlyDifference", "\n-- content/caf\u00e9.md --\n---\ntitle: NFC\n---\n-- content/cafe\u0301.md --\n---\ntitle: NFD\n---\n",
			[]string{"content/caf\u00e9.md: URL /caf%C3%A9/ differs only in Unicode normalisation (NFC/NFD) from /cafe%CC%81/, produced by content/cafe\u0301.md (hint: they are one file on macOS and on many web hosts; rename one, or save both names in the same form)"}},
		{"StaticFileNormalisationOnlyDifference", "\n-- content/caf\u00e9.md --\n---\ntitle: NFC\n---\n-- content/cafe\u0301/index.html --\n<p>\n",
			[]string{"content/cafe\u0301/index.html: file cafe\u0301/index.html differs only in Unicode normalisation (NFC/NFD) from caf\u00e9/index.html, produced by content/caf\u00e9.md (hint: they are one file on macOS and on many web hosts; rename one, or save both names in the same form)"}},
		{"CaseOnlyDifferenceBySlug", `
-- content/x/a.md --
---
title: A
---
-- content/x/b.md --
---
title: B
slug: A
---
`, []string{"content/x/b.md:3:7: URL /x/A/ differs only in case from /x/a/, produced by content/x/a.md (hint: they collide on case-insensitive file systems and web hosts; rename one, or give it a different slug or url)"}},
		{"CaseOnlyDifferenceOfSectionAndPage", `
-- content/Docs/q.md --
---
title: Q
---
-- content/docs.md --
---
title: Docs
---
`, []string{"content/docs.md: URL /docs/ differs only in case from /Docs/, produced by content/Docs/ (hint: they collide on case-insensitive file systems and web hosts; rename one, or give it a different slug or url)"}},
		{"StaticFileCaseOnlyDifference", `
-- content/a.md --
---
title: A
---
-- content/A/index.html --
<p>
`, []string{"content/A/index.html: file A/index.html differs only in case from a/index.html, produced by content/a.md (hint: they collide on case-insensitive file systems and web hosts; rename one)"}},
		{"CaseOnlyDifferentDirsDoNotCollide", `
-- content/A.md --
---
title: A
---
-- content/a/_index.md --
---
title: Section a
url: /alpha/
---
-- content/a/q.md --
---
title: Q
---
`, nil},
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
			// KeepCase, so names that differ only in case reach
			// the check (lower-cased, they are one URL: see
			// TestLoadHugoSections).
			r := loadTxtarOpts(t, tt.archive, Options{Dir: "content", KeepCase: true})
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

func TestLoadEscapedURLs(t *testing.T) {
	t.Parallel()
	page := func(extra string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: T\n" + extra + "---\n")}
	}
	fsys := fstest.MapFS{
		"content/a#b.md":             page(""),
		"content/q?.md":              page(""),
		"content/100%.md":            page(""),
		"content/line\nbreak.md":     page(""),
		"content/café.md":            page(""),
		"content/a&b+c=d.md":         page(""),
		"content/sec tion#1/page.md": page(""),
		"content/slugged.md":         page("slug: 50%\n"),
		"content/urled.md":           page("url: /c++/x y;z.html\n"),
		"content/bundle?/index.md":   page(""),
		"content/bundle?/pic #1.png": {Data: []byte("PNG")},
	}
	site, _, err := Load(fsys, Options{Dir: "content"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]string{
		"a#b.md":             {"/a%23b/", "a#b/index.html"},
		"q?.md":              {"/q%3F/", "q?/index.html"},
		"100%.md":            {"/100%25/", "100%/index.html"},
		"line\nbreak.md":     {"/line%0Abreak/", "line\nbreak/index.html"},
		"café.md":            {"/caf%C3%A9/", "café/index.html"},
		"a&b+c=d.md":         {"/a&b+c=d/", "a&b+c=d/index.html"},
		"sec tion#1/":        {"/sec-tion%231/", "sec-tion#1/index.html"},
		"sec tion#1/page.md": {"/sec-tion%231/page/", "sec-tion#1/page/index.html"},
		"slugged.md":         {"/50%25/", "50%/index.html"},
		"urled.md":           {"/c++/x%20y%3Bz.html", "c++/x y;z.html"},
		"bundle?/index.md":   {"/bundle%3F/", "bundle?/index.html"},
	}
	for _, p := range site.Pages {
		w, ok := want[p.Path]
		if p.Kind == KindHome {
			continue
		}
		if got := [2]string{p.RelPermalink, p.OutPath}; !ok || got != w {
			t.Errorf("%q: RelPermalink, OutPath = %q, want %q", p.Path, got, w)
		}
		if _, err := url.Parse(p.RelPermalink); err != nil {
			t.Errorf("%q: RelPermalink %q is not a valid URL: %v", p.Path, p.RelPermalink, err)
		}
	}
	if len(site.Pages) != len(want)+1 {
		t.Errorf("Site.Pages = %q, want home and %d more", paths(site.Pages), len(want))
	}
	wantStatic := []StaticFile{{File: "content/bundle?/pic #1.png", OutPath: "bundle?/pic #1.png"}}
	if !reflect.DeepEqual(site.Static, wantStatic) {
		t.Errorf("Static = %q, want %q (output paths stay unescaped)", site.Static, wantStatic)
	}
}

func TestLoadBackslashInName(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		`content/a\b.md`:     {Data: []byte("---\ntitle: A\n---\n")},
		`content/pic\1.png`:  {Data: []byte("PNG")},
		`content/dir\x/c.md`: {Data: []byte("---\ntitle: C\n---\n")},
		`content/ok.md`:      {Data: []byte("---\ntitle: OK\n---\n")},
	}
	site, _, err := Load(fsys, Options{Dir: "content"})
	hint := " (hint: rename it: a backslash separates directories on Windows and cannot be part of a URL)"
	want := []string{
		`content/a\b.md: file name contains a backslash` + hint,
		`content/dir\x: directory name contains a backslash` + hint,
		`content/pic\1.png: file name contains a backslash` + hint,
	}
	if got := errLines(err); !reflect.DeepEqual(got, want) {
		t.Errorf("errors =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := paths(site.Pages); !reflect.DeepEqual(got, []string{"", "ok.md"}) || len(site.Static) != 0 {
		t.Errorf("Site.Pages = %q, Static = %v; want only home and ok.md", got, site.Static)
	}
}
