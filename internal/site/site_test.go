package site

import (
	"bytes"
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/sitetest"
)

// buildTxtar builds the site in a txtar archive (config.toml optional).
func buildTxtar(t testing.TB, archive string, opts Options) (*Site, error) {
	t.Helper()
	fsys, cfg := sitetest.Archive(t, archive)
	return Build(context.Background(), fsys, cfg, opts)
}

func mustBuild(t testing.TB, archive string, opts Options) *Site {
	t.Helper()
	s, err := buildTxtar(t, archive, opts)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return s
}

func file(t testing.TB, s *Site, path string) string {
	t.Helper()
	return sitetest.File(t, s.Files, path)
}

func hasFile(s *Site, path string) bool { return sitetest.Has(s.Files, path) }

// errorLines returns the error diagnostics of err as printed lines.
var errorLines = sitetest.ErrorLines

// order returns the hrefs of the links in the section list of html, in order.
func indexOf(t *testing.T, html string, subs ...string) []int {
	t.Helper()
	var out []int
	for _, s := range subs {
		i := strings.Index(html, s)
		if i < 0 {
			t.Fatalf("%q not found in output", s)
		}
		out = append(out, i)
	}
	return out
}

const faqPage = `-- config.toml --
title = "Docs"
-- content/faq/_index.md --
---
title: FAQ
---
-- content/faq/security.md --
---
title: Security FAQ's
weight: 2300
---
---
#### How does Rancher secure it's communications to the Kubernetes API server?

It uses TLS. See [the guide](https://example.com/tls "TLS guide").

#### Can I rotate certificates?

- yes
- with a command

#### What's next?

Nothing.
`

func TestFAQPageH4Only(t *testing.T) {
	t.Parallel()
	s := mustBuild(t, faqPage, Options{})
	html := file(t, s, "faq/security/index.html")
	for _, want := range []string{
		`id=how-does-rancher-secure-its-communications-to-the-kubernetes-api-server`,
		`href=#how-does-rancher-secure-its-communications-to-the-kubernetes-api-server`,
		`href=#can-i-rotate-certificates`,
		`href=#whats-next`,
		`<hr>`,
		`title="TLS guide"`,
	} {
		if !strings.Contains(strings.ReplaceAll(html, `"`, ""), strings.ReplaceAll(want, `"`, "")) {
			t.Errorf("security page lacks %s\n%s", want, html)
		}
	}
	if !strings.Contains(html, `aria-label="On this page"`) && !strings.Contains(html, `aria-label=On this page`) && !strings.Contains(html, `aria-label="On this page`) {
		t.Errorf("no TOC nav on an h4-only page:\n%s", html)
	}
	if strings.Contains(html, "<ul></ul>") || strings.Contains(html, "<li></li>") {
		t.Errorf("TOC has an empty wrapper:\n%s", html)
	}
	uniqueIDs(t, html)
}

// uniqueIDs fails unless every id attribute in html is unique.
func uniqueIDs(t *testing.T, html string) {
	t.Helper()
	ids := regexp.MustCompile(` id="?([^" >]+)`).FindAllStringSubmatch(html, -1)
	seen := map[string]bool{}
	for _, m := range ids {
		if seen[m[1]] {
			t.Errorf("id %q appears twice", m[1])
		}
		seen[m[1]] = true
	}
}

func TestHeadingIDsUniqueWithTheme(t *testing.T) {
	t.Parallel()
	// Headings whose slugs are common words must not collide with the ids
	// the theme uses on every page.
	s := mustBuild(t, `
-- content/a.md --
---
title: A
---
## Main
## Site nav
## Nav
## Content
## TOC
## Main
`, Options{})
	uniqueIDs(t, file(t, s, "a/index.html"))
}

func TestOrderByWeight(t *testing.T) {
	t.Parallel()
	s := mustBuild(t, `
-- content/docs/_index.md --
---
title: Docs
---
-- content/docs/unset.md --
---
title: Unset
---
-- content/docs/zero.md --
---
title: Zero
weight: 0
---
-- content/docs/ten.md --
---
title: Ten
weight: 10
---
-- content/docs/neg.md --
---
title: Negative
weight: -5
---
-- content/docs/tie-old.md --
---
title: Tie old
weight: 20
date: 2020-01-01
---
-- content/docs/tie-new.md --
---
title: Tie new
weight: 20
date: 2024-01-01
---
-- content/docs/tie-b.md --
---
title: b tie
weight: 30
---
-- content/docs/tie-a.md --
---
title: A tie
weight: 30
---
`, Options{})
	html := file(t, s, "docs/index.html")
	main := html[strings.Index(html, "<main"):]
	pos := indexOf(t, main, "/docs/neg/", "/docs/ten/", "/docs/tie-new/", "/docs/tie-old/", "/docs/tie-a/", "/docs/tie-b/")
	for i := 1; i < len(pos); i++ {
		if pos[i] < pos[i-1] {
			t.Errorf("section list out of weight order at %d: %v", i, pos)
		}
	}
	// Unset and zero weights come after every weighted page.
	last := pos[len(pos)-1]
	for _, u := range []string{"/docs/unset/", "/docs/zero/"} {
		if i := strings.Index(main, u); i < last {
			t.Errorf("%s at %d, want after weighted pages (%d)", u, i, last)
		}
	}
	// prev/next follow the same order.
	ten := file(t, s, "docs/ten/index.html")
	if !strings.Contains(ten, "/docs/neg/") || !strings.Contains(ten, "/docs/tie-new/") {
		t.Errorf("prev/next of Ten should be Negative and Tie new")
	}
}

const draftSite = `
-- content/_index.md --
---
title: Home
---
-- content/guide.md --
---
title: Guide
weight: 1
---
-- content/wip.md --
---
title: Work in progress
draft: true
---
-- content/secret/_index.md --
---
title: Secret section
draft: true
---
-- content/secret/inner.md --
---
title: Inner
---
`

func TestDrafts(t *testing.T) {
	t.Parallel()
	t.Run("HiddenByDefault", func(t *testing.T) {
		t.Parallel()
		s := mustBuild(t, draftSite, Options{})
		for _, p := range []string{"wip/index.html", "secret/index.html", "secret/inner/index.html"} {
			if hasFile(s, p) {
				t.Errorf("draft output %s was built", p)
			}
		}
		if s.Skipped != 3 {
			t.Errorf("Skipped = %d, want 3", s.Skipped)
		}
		for _, f := range s.Files {
			if bytes.Contains(f.Data, []byte("/wip/")) || bytes.Contains(f.Data, []byte("/secret/")) {
				t.Errorf("%s mentions a draft URL", f.Path)
			}
		}
	})
	t.Run("ShownWithDrafts", func(t *testing.T) {
		t.Parallel()
		s := mustBuild(t, draftSite, Options{Drafts: true})
		html := file(t, s, "wip/index.html")
		if !strings.Contains(html, "noindex") || !strings.Contains(html, "Draft") {
			t.Errorf("draft page lacks noindex or Draft marker:\n%s", html)
		}
		file(t, s, "secret/inner/index.html")
		if g := file(t, s, "guide/index.html"); strings.Contains(g, "noindex") {
			t.Errorf("a published page carries noindex")
		}
		if sm := file(t, s, "sitemap.xml"); strings.Contains(sm, "/wip/") || strings.Contains(sm, "/secret/") {
			t.Errorf("sitemap lists drafts:\n%s", sm)
		}
	})
}

func TestURLCollision(t *testing.T) {
	t.Parallel()
	_, err := buildTxtar(t, `
-- content/a.md --
---
title: A
url: /same/
---
-- content/b.md --
---
title: B
url: /same/
---
`, Options{})
	if err == nil {
		t.Fatal("two pages at one URL built without error")
	}
	msg := err.Error()
	if !strings.Contains(msg, "content/a.md") || !strings.Contains(msg, "content/b.md") {
		t.Errorf("collision error does not name both files: %v", msg)
	}
}

func TestStaticCollidesWithPage(t *testing.T) {
	t.Parallel()
	_, err := buildTxtar(t, `
-- content/a.md --
---
title: A
url: /a.html
---
-- content/a.html --
<p>static</p>
`, Options{})
	if err == nil || !strings.Contains(err.Error(), "content/a.md") || !strings.Contains(err.Error(), "content/a.html") {
		t.Errorf("page/static collision: err = %v, want one naming both", err)
	}
}

func TestAliases(t *testing.T) {
	t.Parallel()
	s := mustBuild(t, `
-- config.toml --
baseURL = "https://example.org/docs/"
-- content/new.md --
---
title: New
aliases: [/old/, /taken/]
---
-- content/taken.md --
---
title: Taken
---
`, Options{})
	red := file(t, s, "old/index.html")
	if !strings.Contains(red, "https://example.org/docs/new/") || !strings.Contains(red, "refresh") {
		t.Errorf("alias page does not redirect to the permalink:\n%s", red)
	}
	if taken := file(t, s, "taken/index.html"); !strings.Contains(taken, "Taken") {
		t.Errorf("an alias overwrote a real page:\n%s", taken)
	}
	var warned bool
	for _, w := range s.Warnings {
		if strings.Contains(w.Error(), "content/new.md") && strings.Contains(w.Error(), "content/taken.md") {
			warned = true
		}
	}
	if !warned {
		t.Errorf("no warning naming both files; warnings: %v", s.Warnings)
	}
}

func TestAllErrorsReportedTogether(t *testing.T) {
	t.Parallel()
	_, err := buildTxtar(t, `
-- content/a.md --
---
title: A
weight: heavy
---
-- content/b.md --
---
title: B
draft: maybe
---
body
-- content/c.md --
---
title: C
	weight: 3
---
`, Options{})
	if err == nil {
		t.Fatal("broken front matter built without error")
	}
	lines := errorLines(err)
	for _, prefix := range []string{"content/a.md:3:", "content/b.md:3:", "content/c.md:3:"} {
		found := false
		for _, l := range lines {
			if strings.HasPrefix(l, prefix) {
				found = true
			}
		}
		if !found {
			t.Errorf("no error starting %q in:\n%s", prefix, strings.Join(lines, "\n"))
		}
	}
}

func TestTemplateErrorNamesFile(t *testing.T) {
	t.Parallel()
	_, err := buildTxtar(t, `
-- content/a.md --
---
title: A
---
-- layouts/_default/single.html --
{{ define "main" }}
<p>{{ .Title }</p>
{{ end }}
`, Options{})
	if err == nil || !strings.Contains(err.Error(), "layouts/_default/single.html:2") {
		t.Errorf("template error = %v, want one at layouts/_default/single.html:2", err)
	}
}

func TestRawHTMLPolicy(t *testing.T) {
	t.Parallel()
	const site = `
-- config.toml --
%s
-- content/a.md --
---
title: A
---
Text.

<div class="custom">raw</div>
`
	s := mustBuild(t, strings.Replace(site, "%s", "", 1), Options{})
	if !strings.Contains(file(t, s, "a/index.html"), "custom") {
		t.Errorf("raw HTML not rendered by default")
	}
	s = mustBuild(t, strings.Replace(site, "%s", "[markup.goldmark.renderer]\nunsafe = false", 1), Options{})
	if strings.Contains(file(t, s, "a/index.html"), "custom") {
		t.Errorf("raw HTML rendered with unsafe = false")
	}
	if len(s.Warnings) == 0 || !strings.HasPrefix(s.Warnings[0].Error(), "content/a.md:6:1") {
		t.Errorf("warnings = %v, want content/a.md:6:1: raw HTML removed", s.Warnings)
	}
}

func TestOutputs(t *testing.T) {
	t.Parallel()
	s := mustBuild(t, `
-- config.toml --
baseURL = "https://example.org/"
title = "Site"
-- content/_index.md --
---
title: Home
---
-- content/guide.md --
---
title: Guide
---
`+"```go\npackage main\n```\n"+`
-- content/img/logo.svg --
<svg xmlns="http://www.w3.org/2000/svg">   <rect width="1" height="1"/>   </svg>
-- assets/css/extra.css --
body {  color : red ; }
`, Options{})
	for _, p := range []string{"index.html", "guide/index.html", "404.html", "sitemap.xml", "robots.txt", "img/logo.svg"} {
		file(t, s, p)
	}
	if sm := file(t, s, "sitemap.xml"); !strings.Contains(sm, "https://example.org/guide/") {
		t.Errorf("sitemap lacks the guide permalink:\n%s", sm)
	}
	if r := file(t, s, "robots.txt"); !strings.Contains(r, "Sitemap: https://example.org/sitemap.xml") {
		t.Errorf("robots.txt = %q", r)
	}
	if svg := file(t, s, "img/logo.svg"); strings.Contains(svg, "   ") {
		t.Errorf("svg not minified: %q", svg)
	}
	guide := file(t, s, "guide/index.html")
	if !strings.Contains(guide, "integrity=") || !strings.Contains(guide, "chroma") {
		t.Errorf("guide lacks fingerprinted CSS with integrity or highlighted code:\n%s", guide)
	}
	if strings.Contains(guide, "style=") {
		t.Errorf("code highlighted with inline styles:\n%s", guide)
	}
	var css int
	extra := regexp.MustCompile(`^css/extra\.[0-9a-f]+\.css$`)
	for _, f := range s.Files {
		if extra.MatchString(f.Path) {
			css++
		}
	}
	if css != 1 {
		t.Errorf("site asset css/extra.css not fingerprinted once (found %d)", css)
	}
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	a := mustBuild(t, draftSite+faqPage, Options{Drafts: true})
	b := mustBuild(t, draftSite+faqPage, Options{Drafts: true})
	sitetest.SameFiles(t, a.Files, b.Files)
}

// TestCanceled: a build whose context is done stops at the next stage
// and says only that, not what it found wrong before stopping.
func TestCanceled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	cfg, _, _ := config.Parse(nil)
	for name, fsys := range map[string]fstest.MapFS{
		"Good":       {"content/a.md": {Data: []byte("# A")}},
		"BrokenPage": {"content/a.md": {Data: []byte("---\ntitle: [A\n---\n")}},
	} {
		s, err := Build(ctx, fsys, cfg, Options{})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s: Build with a canceled context: err = %v", name, err)
		}
		if s == nil {
			t.Errorf("%s: Build with a canceled context returned a nil *Site", name)
		}
	}
}

func TestMarkdownLinksRewritten(t *testing.T) {
	t.Parallel()
	s := mustBuild(t, `
-- config.toml --
baseURL = "https://example.org/docs/"
-- content/faq/_index.md --
---
title: FAQ
---
-- content/faq/upgrade.md --
---
title: Upgrade
---
## Rollback
-- content/faq/diagram.png --
png
-- content/faq/security.md --
---
title: Security
---
![Diagram](diagram.png "The diagram")
See [upgrading](upgrade.md#rollback), [the FAQ](./_index.md), [the same](/faq/upgrade/)
and [elsewhere](https://example.com/a.md).
`, Options{})
	html := file(t, s, "faq/security/index.html")
	for _, want := range []string{
		`src=/docs/faq/diagram.png`,
		`href=/docs/faq/upgrade/#rollback`,
		`href=/docs/faq/>the FAQ`,
		`href=/docs/faq/upgrade/>the same`,
		`href=https://example.com/a.md`,
		`title="The diagram"`,
	} {
		if !strings.Contains(strings.ReplaceAll(html, `"`, ""), strings.ReplaceAll(want, `"`, "")) {
			t.Errorf("security page lacks %s:\n%s", want, html)
		}
	}
}

// TestSeveralLanguagesNeedMultilingual: Build given a site of several
// languages without the one to build says so, instead of building one.
func TestSeveralLanguagesNeedMultilingual(t *testing.T) {
	t.Parallel()
	_, err := buildTxtar(t, `-- config.toml --
defaultContentLanguage = "en"
[languages.en]
weight = 1
[languages.de]
weight = 2
-- content/_index.md --
---
title: Home
---
`, Options{})
	if !errors.Is(err, errSeveralLanguages) {
		t.Errorf("Build = %v, want %v", err, errSeveralLanguages)
	}
}
