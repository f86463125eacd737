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

// TestHugoFrontMatterQuirks builds pages whose front matter Hugo accepts
// though it is not quite well formed: after a UTF-8 byte order mark (with
// CRLF line ends), and closed with "----" (with a warning).
func TestHugoFrontMatterQuirks(t *testing.T) {
	t.Parallel()
	s := mustBuild(t, "-- config.toml --\nminify = false\n"+
		"-- content/bom.md --\n\ufeff---\r\ntitle: After a BOM\r\n---\r\n\r\nBOM body.\r\n"+
		"-- content/dashes.md --\n---\ntitle: Four dashes\n----\n\nDashes body.\n", Options{})
	for path, want := range map[string]string{
		"bom/index.html":    "BOM body.",
		"dashes/index.html": "Dashes body.",
	} {
		out := file(t, s, path)
		if !strings.Contains(out, want) || strings.Contains(out, "\ufeff") || strings.Contains(out, "title:") {
			t.Errorf("%s: want the body %q alone, without the front matter or a BOM:\n%s", path, want, out)
		}
	}
	var warned bool
	for _, w := range s.Warnings {
		warned = warned || strings.HasPrefix(w.Error(), `content/dashes.md:3:1: front matter closed with "----"`)
	}
	if !warned {
		t.Errorf("no warning for the \"----\" line; warnings: %v", s.Warnings)
	}
}
