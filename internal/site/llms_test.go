package site

import (
	"strings"
	"testing"
)

const llmsSite = `-- config.toml --
baseURL = "https://example.org/docs/"
title = "Docs"
[params]
description = "All about x."
-- layouts/shortcodes/greet.html --
<span class="greet">Hello {{ .Get 0 }}</span>
-- layouts/shortcodes/pic.html --
<img src="/docs/guide/diagram.png" alt="D">
-- content/_index.md --
---
title: Home
---
Welcome. See [install](guide/install.md).
-- content/guide/_index.md --
---
title: Guide
weight: 1
---
-- content/guide/intro.md --
---
title: Intro
weight: 1
---
## Start

Text.
-- content/guide/install.md --
---
title: Install
description: How to install.
weight: 2
---
{{< greet "you" >}}

{{% greet "markdown" %}}

{{< pic >}}

Read [the intro](intro.md#start), [home](/docs/), ![diagram](diagram.png "D") and [Go](https://go.dev/).

[ref]: ../changes.md

` + "```md\n[kept](intro.md)\n```" + `
-- content/guide/diagram.png --
png
-- content/guide/secret.md --
---
title: Secret
draft: true
---
Secret text.
-- content/changes.md --
---
title: Changes
weight: 5
llms: optional
---
Nothing yet.
`

// TestLLMs: llms.txt lists the pages in reading order by section, with
// the Optional section last; each page has a markdown twin with its
// shortcodes expanded and its links absolute; llms-full.txt holds them
// all; drafts have none, even in a build with drafts.
func TestLLMs(t *testing.T) {
	t.Parallel()
	s := mustBuild(t, llmsSite, Options{Drafts: true})
	for _, w := range s.Warnings {
		t.Errorf("warning: %v", w) // llms: optional is no unknown key
	}
	if got, want := file(t, s, "llms.txt"), `# Docs

> All about x.

## Pages

- [Home](https://example.org/docs/index.md)

## Guide

- [Guide](https://example.org/docs/guide/index.md)
- [Intro](https://example.org/docs/guide/intro/index.md)
- [Install](https://example.org/docs/guide/install/index.md): How to install.

## Optional

- [Changes](https://example.org/docs/changes/index.md)
`; got != want {
		t.Errorf("llms.txt =\n%s\nwant\n%s", got, want)
	}
	if got, want := file(t, s, "guide/install/index.md"), `# Install

<span class="greet">Hello you</span>

<span class="greet">Hello markdown</span>

<img src="https://example.org/docs/guide/diagram.png" alt="D">

Read [the intro](https://example.org/docs/guide/intro/#start), [home](https://example.org/docs/), ![diagram](https://example.org/docs/guide/diagram.png "D") and [Go](https://go.dev/).

[ref]: https://example.org/docs/changes/

`+"```md\n[kept](intro.md)\n```\n"; got != want {
		t.Errorf("guide/install/index.md =\n%s\nwant\n%s", got, want)
	}
	if got, want := file(t, s, "index.md"), "# Home\n\nWelcome. See [install](https://example.org/docs/guide/install/).\n"; got != want {
		t.Errorf("index.md = %q, want %q", got, want)
	}
	full := file(t, s, "llms-full.txt")
	at := indexOf(t, full, "URL: https://example.org/docs/index.md\n\n# Home\n", "URL: https://example.org/docs/guide/intro/index.md\n\n# Intro\n\n## Start", "# Install", "# Changes\n\nNothing yet.\n")
	for i := 1; i < len(at); i++ {
		if at[i] < at[i-1] {
			t.Errorf("llms-full.txt: pages out of reading order:\n%s", full)
		}
	}
	for _, f := range s.Files {
		if strings.Contains(string(f.Data), "Secret") && !strings.HasSuffix(f.Path, ".html") && !strings.HasSuffix(f.Path, ".json") && !strings.HasPrefix(f.Path, "search/") {
			t.Errorf("%s shows the draft", f.Path)
		}
	}
	if hasFile(s, "guide/secret/index.md") {
		t.Error("the draft has a markdown twin")
	}
	if sm := file(t, s, "sitemap.xml"); strings.Contains(sm, ".md") {
		t.Errorf("sitemap.xml lists a twin:\n%s", sm)
	}
}

// TestLLMsOff: [llms] enable = false writes none of it.
func TestLLMsOff(t *testing.T) {
	t.Parallel()
	s := mustBuild(t, strings.Replace(llmsSite, "[params]", "[llms]\nenable = false\n[params]", 1), Options{})
	for _, f := range s.Files {
		if strings.HasPrefix(f.Path, "llms") || strings.HasSuffix(f.Path, ".md") {
			t.Errorf("with [llms] enable = false: %s written", f.Path)
		}
	}
}

// TestLLMsBrokenLinkOnce: a broken link in a page is in its twin too,
// and reported once, at the page's markdown.
func TestLLMsBrokenLinkOnce(t *testing.T) {
	t.Parallel()
	_, err := buildTxtar(t, llmsSite+"-- content/broken.md --\n---\ntitle: Broken\n---\nSee [gone](gone.md).\n", Options{})
	if err == nil {
		t.Fatal("Build succeeded with a broken link")
	}
	var found []string
	for _, l := range errorLines(err) {
		if strings.Contains(l, "gone.md") {
			found = append(found, l)
		}
	}
	if len(found) != 1 || !strings.HasPrefix(found[0], "content/broken.md:4:") {
		t.Errorf("errors about gone.md = %q, want one at content/broken.md:4", found)
	}
}

// TestLLMsSiteFileWins: a site's own llms.txt replaces the generated one.
func TestLLMsSiteFileWins(t *testing.T) {
	t.Parallel()
	s := mustBuild(t, llmsSite+"-- static/llms.txt --\n# Mine\n", Options{})
	if got := file(t, s, "llms.txt"); got != "# Mine\n" {
		t.Errorf("llms.txt = %q, want the site's own", got)
	}
}
