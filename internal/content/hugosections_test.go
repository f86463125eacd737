package content

import (
	"slices"
	"testing"
)

// hugoTree is content shaped as Hugo's section rule cares about: a
// top-level directory without _index.md, nested directories with and
// without one, and file names in mixed case.
const hugoTree = `
-- content/Blog/2020/First-Post.md --
---
title: First
---
-- content/Blog/2020/Bundle/index.md --
---
title: Bundled
---
-- content/Blog/2020/Bundle/Pic.PNG --
PNG
-- content/Blog/2021/second.md --
---
title: Second
slug: Second-Slug
---
-- content/Docs/_index.md --
---
title: Docs
---
-- content/Docs/Guide/_index.md --
---
title: Guide
---
-- content/Docs/Guide/Install.md --
---
title: Install
---
-- content/Docs/plain/Deep/_index.md --
---
title: Deep
---
-- content/Docs/plain/Deep/page.md --
---
title: Deep page
---
-- content/Docs/plain/loose.md --
---
title: Loose
url: /Kept/Case/
---
`

func TestLoadHugoSections(t *testing.T) {
	t.Parallel()
	r := mustLoad(t, hugoTree)
	byPath := map[string]*Page{}
	for _, p := range r.site.Pages {
		byPath[p.Path] = p
	}
	parent := func(p *Page) string {
		if p.Parent == nil {
			return "<nil>"
		}
		if p.Parent.Kind == KindHome {
			return "home"
		}
		return p.Parent.Dir()
	}
	t.Run("OnlyTopLevelAndIndexedDirectoriesAreSections", func(t *testing.T) {
		var got []string
		for _, p := range r.site.Pages {
			if p.Kind == KindSection {
				got = append(got, p.Dir())
			}
		}
		slices.Sort(got)
		want := []string{"Blog", "Docs", "Docs/Guide", "Docs/plain/Deep"}
		if len(got) != len(want) {
			t.Fatalf("sections = %q, want %q", got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("sections = %q, want %q", got, want)
				break
			}
		}
	})
	t.Run("PagesBelongToTheNearestSectionAbove", func(t *testing.T) {
		for path, want := range map[string]string{
			"Blog/2020/First-Post.md":   "Blog",
			"Blog/2020/Bundle/index.md": "Blog",
			"Blog/2021/second.md":       "Blog",
			"Docs/Guide/Install.md":     "Docs/Guide",
			"Docs/plain/loose.md":       "Docs",
			"Docs/plain/Deep/page.md":   "Docs/plain/Deep",
			"Docs/plain/Deep/_index.md": "Docs",
			"Docs/Guide/_index.md":      "Docs",
		} {
			p := byPath[path]
			if p == nil {
				t.Errorf("%s: not published", path)
				continue
			}
			if got := parent(p); got != want {
				t.Errorf("%s: parent section %q, want %q", path, got, want)
			}
		}
	})
	t.Run("URLsFollowTheDirectoriesLowerCased", func(t *testing.T) {
		for path, want := range map[string]string{
			"Blog/2020/First-Post.md":   "/blog/2020/first-post/",
			"Blog/2020/Bundle/index.md": "/blog/2020/bundle/",
			"Blog/2021/second.md":       "/blog/2021/second-slug/",
			"Docs/Guide/Install.md":     "/docs/guide/install/",
			"Docs/plain/Deep/_index.md": "/docs/plain/deep/",
			"Docs/plain/Deep/page.md":   "/docs/plain/deep/page/",
			"Docs/plain/loose.md":       "/Kept/Case/",
		} {
			if p := byPath[path]; p == nil || p.RelPermalink != want {
				t.Errorf("%s: URL %s, want %s", path, urlOf(p), want)
			}
		}
		var blog *Page
		for _, p := range r.site.Pages {
			if p.Kind == KindSection && p.Dir() == "Blog" {
				blog = p
			}
		}
		if blog == nil || blog.RelPermalink != "/blog/" {
			t.Errorf("Blog section: URL %s, want /blog/", urlOf(blog))
		}
		for _, s := range r.site.Static {
			if s.File == "content/Blog/2020/Bundle/Pic.PNG" && s.OutPath != "blog/2020/bundle/Pic.PNG" {
				t.Errorf("bundle resource at %s, want blog/2020/bundle/Pic.PNG", s.OutPath)
			}
		}
	})
	t.Run("DisablePathToLowerKeepsTheCase", func(t *testing.T) {
		r := loadTxtarOpts(t, hugoTree, Options{Dir: "content", KeepCase: true})
		if r.err != nil {
			t.Fatal(r.err)
		}
		want := map[string]string{
			"Blog/2020/First-Post.md": "/Blog/2020/First-Post/",
			"Blog/2021/second.md":     "/Blog/2021/Second-Slug/",
			"Docs/Guide/Install.md":   "/Docs/Guide/Install/",
		}
		for _, p := range r.site.Pages {
			if w, ok := want[p.Path]; ok && p.RelPermalink != w {
				t.Errorf("%s: URL %s, want %s", p.Path, p.RelPermalink, w)
			}
		}
	})
}

// urlOf is p's RelPermalink, or "<none>" for a nil page.
func urlOf(p *Page) string {
	if p == nil {
		return "<none>"
	}
	return p.RelPermalink
}
