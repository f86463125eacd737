package site

import (
	"strings"
	"testing"
)

// TestHugoSections builds a site by Hugo's section rule: only top-level
// directories and directories with an _index.md are sections; the pages
// of any other directory are listed in the nearest section above, at URLs
// that still follow their directories, lower-cased.
func TestHugoSections(t *testing.T) {
	t.Parallel()
	const site = `
-- config.toml --
minify = false
-- content/_index.md --
---
title: Home
---
-- content/Blog/_index.md --
---
title: Blog
---
-- content/Blog/2020/First-Post.md --
---
title: First post
---
-- content/Blog/2021/second.md --
---
title: Second post
---
-- content/Blog/2021/Trip/index.md --
---
title: Trip
---
-- content/Blog/2021/Trip/Map.PNG --
PNG
`
	s := mustBuild(t, site, Options{})
	have := map[string]bool{}
	for _, f := range s.Files {
		have[f.Path] = true
	}
	t.Run("NestedDirectoryWithoutIndexIsNoSection", func(t *testing.T) {
		for _, p := range []string{"blog/2020/index.html", "blog/2021/index.html", "Blog/2020/index.html"} {
			if have[p] {
				t.Errorf("%s published: a directory without _index.md is not a section", p)
			}
		}
		blog := file(t, s, "blog/index.html")
		for _, href := range []string{`href="/blog/2020/first-post/"`, `href="/blog/2021/second/"`, `href="/blog/2021/trip/"`} {
			if !strings.Contains(blog, href) {
				t.Errorf("blog/index.html does not list %s", href)
			}
		}
	})
	t.Run("URLsFollowDirectoriesLowerCased", func(t *testing.T) {
		for _, p := range []string{"blog/2020/first-post/index.html", "blog/2021/second/index.html",
			"blog/2021/trip/index.html", "blog/2021/trip/Map.PNG"} {
			if !have[p] {
				t.Errorf("no output file %s", p)
			}
		}
	})
	t.Run("DisablePathToLowerKeepsTheCase", func(t *testing.T) {
		s := mustBuild(t, strings.Replace(site, "minify = false\n", "minify = false\ndisablePathToLower = true\n", 1), Options{})
		file(t, s, "Blog/2020/First-Post/index.html")
		file(t, s, "Blog/2021/Trip/Map.PNG")
	})
}
