package site

import (
	"strings"
	"testing"
)

// TestHugoPermalinks builds a blog laid out by [permalinks], as linkerd's
// is: dated URLs from the front matter, a slug where one is set, the
// title where not, and url over any pattern.
func TestHugoPermalinks(t *testing.T) {
	t.Parallel()
	s := mustBuild(t, `
-- config.toml --
minify = false
[permalinks]
blog = "/:year/:month/:day/:slug/"
[permalinks.section]
blog = "/news/"
-- content/_index.md --
---
title: Home
---
-- content/blog/_index.md --
---
title: Blog
---
-- content/blog/2024/first.md --
---
title: First Post
date: 2024-03-05
---
[second](second.md)
-- content/blog/2024/second.md --
---
title: Second
date: 2024-03-06
slug: the-second
---
[first]({{< relref "first.md" >}})
-- content/blog/2024/pinned.md --
---
title: Pinned
date: 2024-03-07
url: /pinned/
---
-- content/about.md --
---
title: About
---
`, Options{})
	for _, p := range []string{"2024/03/05/first-post/index.html", "2024/03/06/the-second/index.html",
		"pinned/index.html", "news/index.html", "about/index.html"} {
		file(t, s, p)
	}
	if out := file(t, s, "2024/03/05/first-post/index.html"); !strings.Contains(out, `href="/2024/03/06/the-second/"`) {
		t.Errorf("the link to second.md does not go to its permalink:\n%s", out)
	}
	if out := file(t, s, "2024/03/06/the-second/index.html"); !strings.Contains(out, `href="/2024/03/05/first-post/"`) {
		t.Errorf("relref to first.md does not give its permalink:\n%s", out)
	}
	if out := file(t, s, "news/index.html"); !strings.Contains(out, `href="/2024/03/05/first-post/"`) {
		t.Errorf("the blog section does not list its posts at their permalinks:\n%s", out)
	}
}
