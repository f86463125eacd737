package content

import (
	"reflect"
	"testing"
)

const permalinkTree = `
-- content/blog/_index.md --
---
title: Blog
---
-- content/blog/2024/hello.md --
---
title: Hello, World!
date: 2024-03-05
slug: Hi There
---
-- content/blog/2024/untitled-post.md --
---
title: No Slug Here
date: 2024-12-31T10:00:00Z
---
-- content/blog/moved.md --
---
title: Moved
date: 2024-01-01
url: /Elsewhere/
---
-- content/blog/Trip/index.md --
---
title: Trip Report
date: 2023-07-09
---
-- content/docs/a/b/_index.md --
---
title: B
---
-- content/docs/a/b/page.md --
---
title: Deep Page
---
-- content/docs/top.md --
---
title: Top
---
-- content/about.md --
---
title: About
---
`

func TestLoadPermalinks(t *testing.T) {
	t.Parallel()
	opts := Options{Dir: "content", Permalinks: Permalinks{
		Page: map[string]string{
			"blog": "/:year/:month/:day/:slug/",
			"docs": "/manual/:sections[1:]/:slugorcontentbasename/",
		},
		Section: map[string]string{"blog": "/posts/"},
	}}
	r := loadTxtarOpts(t, permalinkTree, opts)
	if r.err != nil {
		t.Fatal(r.err)
	}
	got := map[string]string{}
	for _, p := range r.site.Pages {
		got[p.Path] = p.RelPermalink
	}
	want := map[string]string{
		"":                           "/",
		"about.md":                   "/about/",
		"blog/_index.md":             "/posts/",
		"blog/2024/hello.md":         "/2024/03/05/hi-there/",
		"blog/2024/untitled-post.md": "/2024/12/31/no-slug-here/",
		"blog/moved.md":              "/Elsewhere/",
		"blog/Trip/index.md":         "/2023/07/09/trip-report/",
		"docs/":                      "/docs/",
		"docs/a/b/_index.md":         "/docs/a/b/",
		"docs/a/b/page.md":           "/manual/a/b/page/",
		"docs/top.md":                "/manual/top/",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("URLs:\n got %v\nwant %v", got, want)
	}
}

func TestPermalinkTokens(t *testing.T) {
	t.Parallel()
	r := mustLoad(t, `
-- content/docs/_index.md --
---
title: Docs
---
-- content/docs/guide/_index.md --
---
title: Guide
---
-- content/docs/guide/sub/_index.md --
---
title: Sub
---
-- content/docs/guide/sub/My Page.md --
---
title: "  Ünïcode:  Title?  "
date: 2024-02-29T08:00:00Z
---
`)
	var p *Page
	for _, q := range r.site.Pages {
		if q.Path == "docs/guide/sub/My Page.md" {
			p = q
		}
	}
	if p == nil {
		t.Fatal("page not loaded")
	}
	for _, tt := range []struct{ token, want string }{
		{"year", "2024"},
		{"month", "02"},
		{"monthname", "February"},
		{"day", "29"},
		{"weekday", "4"},
		{"weekdayname", "Thursday"},
		{"yearday", "60"},
		{"section", "docs"},
		{"sections", "docs/guide/sub"},
		{"sections[1:]", "guide/sub"},
		{"sections[:last]", "docs/guide"},
		{"sections[last]", "sub"},
		{"sections[1:2]", "guide"},
		{"sections[5:]", ""},
		{"title", "Ünïcode-Title"},
		{"slug", "Ünïcode-Title"},
		{"filename", "My-Page"},
		{"contentbasename", "My-Page"},
		{"slugorfilename", "My-Page"},
		{"06", "24"},
		{"Jan", "Feb"},
		{"nosuchtoken", ":nosuchtoken"},
	} {
		if got := permalinkValue(p, tt.token); got != tt.want {
			t.Errorf("permalinkValue(:%s) = %q, want %q", tt.token, got, tt.want)
		}
	}
}

func TestPermalinkCollisionNamesThePattern(t *testing.T) {
	t.Parallel()
	r := loadTxtarOpts(t, `
-- content/blog/a.md --
---
title: Same
---
-- content/blog/b.md --
---
title: Same
---
`, Options{Dir: "content", Permalinks: Permalinks{Page: map[string]string{"blog": "/:title/"}}})
	want := []string{`content/blog/b.md: URL /same/ is also produced by content/blog/a.md (hint: the URL comes from the [permalinks] pattern "/:title/"; add a token that tells the pages apart, such as :slug, or give one a url)`}
	if got := errLines(r.err); !reflect.DeepEqual(got, want) {
		t.Errorf("errors =\n%q\nwant\n%q", got, want)
	}
}
