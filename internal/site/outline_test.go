package site

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

const themeSite = `
-- config.toml --
baseURL = "https://example.com/docs/"
title = "Extras"
[params]
editURL = "https://git.example.com/site/edit/main/"
-- content/_index.md --
---
title: Home
description: The home page.
---
Welcome home.
-- content/guide.md --
---
title: Guide
lastmod: 2026-02-03
---
The first paragraph is the *summary* of this page, used when there is no description.

## Install it

Run the zebracorn installer.
-- content/faq/_index.md --
---
title: FAQ
type: faq
---
-- content/faq/general.md --
---
title: General
---
---
#### Is it &lt;fast&gt;?

Yes & it is.

#### Empty?

#### Why?

Because.
-- content/virtual/page.md --
---
title: In a section without _index.md
---
-- content/faq/secret.md --
---
title: Secret
draft: true
---
## Is this hidden?

The draftword answer.
`

type searchIndex struct {
	V int
	P [][2]string
	S [][4]any
}

func readIndex(t *testing.T, s *Site) searchIndex {
	t.Helper()
	var ix searchIndex
	if err := json.Unmarshal([]byte(file(t, s, "search-index.json")), &ix); err != nil {
		t.Fatalf("search-index.json: %v", err)
	}
	return ix
}

func TestSearchIndex(t *testing.T) {
	t.Parallel()
	ix := readIndex(t, mustBuild(t, themeSite, Options{}))
	if ix.V != 1 {
		t.Errorf("index version %d, want 1", ix.V)
	}
	var found bool
	for _, s := range ix.S {
		page := ix.P[int(s[0].(float64))]
		if strings.Contains(s[3].(string), "zebracorn") {
			found = page[0] == "/docs/guide/" && s[1] == "install-it" && s[2] == "Install it"
		}
		if strings.Contains(s[3].(string), "draftword") {
			t.Errorf("a build without --drafts indexes the draft page %s", page[0])
		}
	}
	if !found {
		t.Errorf("no section of /docs/guide/ with id install-it holds the body word: %v", ix.S)
	}
	drafts := readIndex(t, mustBuild(t, themeSite, Options{Drafts: true}))
	if !strings.Contains(file(t, mustBuild(t, themeSite, Options{Drafts: true}), "search-index.json"), "draftword") {
		t.Errorf("a build with --drafts does not index the draft page: %v", drafts.S)
	}
}

var jsonLDRE = regexp.MustCompile(`<script type="?application/ld\+json"?>(.*?)</script>`)

func TestFAQJSONLD(t *testing.T) {
	t.Parallel()
	s := mustBuild(t, themeSite, Options{Drafts: true})
	m := jsonLDRE.FindStringSubmatch(file(t, s, "faq/general/index.html"))
	if m == nil {
		t.Fatalf("FAQ page has no JSON-LD:\n%s", file(t, s, "faq/general/index.html"))
	}
	var ld struct {
		Type string `json:"@type"`
		Main []struct {
			Name   string
			Answer struct{ Text string } `json:"acceptedAnswer"`
		} `json:"mainEntity"`
	}
	if err := json.Unmarshal([]byte(m[1]), &ld); err != nil {
		t.Fatalf("JSON-LD is not valid JSON: %v\n%s", err, m[1])
	}
	if ld.Type != "FAQPage" || len(ld.Main) != 2 || ld.Main[0].Name != "Is it <fast>?" || ld.Main[0].Answer.Text != "Yes & it is." ||
		ld.Main[1].Name != "Why?" || ld.Main[1].Answer.Text != "Because." {
		t.Errorf("JSON-LD = %+v", ld)
	}
	for _, p := range []string{"faq/secret/index.html", "guide/index.html", "index.html"} {
		if jsonLDRE.MatchString(file(t, s, p)) {
			t.Errorf("%s (a draft or not an FAQ page) has JSON-LD", p)
		}
	}
}

func TestMetaTags(t *testing.T) {
	t.Parallel()
	s := mustBuild(t, themeSite, Options{})
	guide := file(t, s, "guide/index.html")
	home := file(t, s, "index.html")
	for _, want := range []string{
		`<meta name="description" content="The first paragraph is the summary of this page, used when there is no description.">`,
		`<link rel="canonical" href="https://example.com/docs/guide/">`,
		`<meta property="og:title" content="Guide">`,
		`<meta property="og:url" content="https://example.com/docs/guide/">`,
		`<meta property="og:description" content="The first paragraph is the summary`,
		`<link rel="sitemap" type="application/xml" href="/docs/sitemap.xml">`,
		`<a class="edit-link" href="https://git.example.com/site/edit/main/content/guide.md">Edit this page</a>`,
		`<time datetime="2026-02-03">3 February 2026</time>`,
	} {
		if !strings.Contains(guide, want) {
			t.Errorf("guide page lacks %s", want)
		}
	}
	if !strings.Contains(home, `<meta name="description" content="The home page.">`) || !strings.Contains(home, `<html lang="en">`) {
		t.Errorf("home page lacks its front matter description or lang")
	}
	if !strings.Contains(file(t, s, "faq/index.html"), `href="https://git.example.com/site/edit/main/content/faq/_index.md"`) {
		t.Errorf("the FAQ section page has no edit link to its _index.md")
	}
	if strings.Contains(file(t, s, "virtual/index.html"), "edit-link") {
		t.Errorf("a section with no _index.md has an edit link")
	}
}
