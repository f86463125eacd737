package site

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/search"
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

// searchIndex is what a build's search index holds: each page's
// fragment, by URL, and the terms of its shards.
type searchIndex struct {
	pages map[string]searchFragment
	terms map[string]bool
}

type searchFragment struct {
	U, T string
	S    [][3]string
}

func readIndex(t *testing.T, s *Site) searchIndex {
	t.Helper()
	var m struct {
		V      int
		Shards []string
		Tables []string
	}
	if err := json.Unmarshal([]byte(file(t, s, "search-index.json")), &m); err != nil {
		t.Fatalf("search-index.json: %v", err)
	}
	if m.V != search.Version {
		t.Errorf("index version %d, want %d", m.V, search.Version)
	}
	ix := searchIndex{pages: map[string]searchFragment{}, terms: map[string]bool{}}
	for _, h := range m.Shards {
		var shard map[string]json.RawMessage
		if err := json.Unmarshal([]byte(file(t, s, "search/t-"+h+".json")), &shard); err != nil {
			t.Fatalf("shard %s: %v", h, err)
		}
		for term := range shard {
			ix.terms[term] = true
		}
	}
	for _, h := range m.Tables {
		var table []string
		if err := json.Unmarshal([]byte(file(t, s, "search/p-"+h+".json")), &table); err != nil {
			t.Fatalf("page table %s: %v", h, err)
		}
		for _, f := range table {
			var frag searchFragment
			if err := json.Unmarshal([]byte(file(t, s, "search/f-"+f+".json")), &frag); err != nil {
				t.Fatalf("fragment %s: %v", f, err)
			}
			ix.pages[frag.U] = frag
		}
	}
	return ix
}

// TestSearchIndex: a page's section text is in its fragment and its words
// in the shards; drafts are indexed only in a build with --drafts; front
// matter noindex and exclude_search leave a page out.
func TestSearchIndex(t *testing.T) {
	t.Parallel()
	ix := readIndex(t, mustBuild(t, themeSite, Options{}))
	found := false
	for _, s := range ix.pages["/docs/guide/"].S {
		found = found || s == [3]string{"install-it", "Install it", "Run the zebracorn installer."}
	}
	if !found || !ix.terms["zebracorn"] || !ix.terms["instal"] {
		t.Errorf("/docs/guide/'s section install-it or its (stemmed) words are not in the index: %v", ix.pages["/docs/guide/"])
	}
	if _, ok := ix.pages["/docs/faq/secret/"]; ok || ix.terms["draftword"] {
		t.Error("a build without --drafts indexes the draft page")
	}
	drafts := readIndex(t, mustBuild(t, themeSite, Options{Drafts: true}))
	if _, ok := drafts.pages["/docs/faq/secret/"]; !ok || !drafts.terms["draftword"] {
		t.Error("a build with --drafts does not index the draft page")
	}
	hidden := readIndex(t, mustBuild(t, themeSite+`-- content/hidden.md --
---
title: Hidden
noindex: true
---
The hiddenword page.
-- content/unlisted.md --
---
title: Unlisted
exclude_search: true
---
The unlistedword page.
`, Options{}))
	for _, u := range []string{"/docs/hidden/", "/docs/unlisted/"} {
		if _, ok := hidden.pages[u]; ok {
			t.Errorf("%s is in the index despite its front matter", u)
		}
	}
	if hidden.terms["hiddenword"] || hidden.terms["unlistedword"] || !hidden.terms["zebracorn"] {
		t.Error("the terms of excluded pages are in the index, or those of others are not")
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
		`<time datetime="2026-02-03">February 3, 2026</time>`,
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
