package site

import (
	"strings"
	"testing"
)

// TestHugoRefsByBaseName builds a site shaped as grpc.io's: relref names a
// section by its base name alone ("languages"), in another case
// ("Community"), from pages in other sections, and .Site.GetPage does the
// same; a relative or root path still wins over a base name.
func TestHugoRefsByBaseName(t *testing.T) {
	t.Parallel()
	s := mustBuild(t, `
-- config.toml --
minify = false
-- layouts/shortcodes/title.html --
{{ with .Site.GetPage (.Get 0) }}{{ .Title }}{{ else }}NONE{{ end }}
-- content/_index.md --
---
title: Home
---
[languages]({{< relref "languages" >}})
-- content/community/_index.md --
---
title: Community
---
[langs]({{< relref "languages" >}}) [platforms]({{< relref "/platforms" >}})
-- content/docs/_index.md --
---
title: Docs
---
[faq]({{< relref "faq.md" >}}) [guide]({{< relref "Guide" >}})
-- content/docs/languages/_index.md --
---
title: Languages
---
-- content/docs/languages/go/_index.md --
---
title: Go
---
-- content/docs/languages/kotlin/_index.md --
---
title: Kotlin
---
[community]({{< relref "Community" >}}) [go]({{< relref "go" >}})
-- content/docs/platforms/_index.md --
---
title: Platforms
---
-- content/docs/guide/index.md --
---
title: The guide
---
[sibling]({{< relref "platforms" >}}) [up]({{< relref "../languages/_index.md" >}})
-- content/showcase/_index.md --
---
title: Showcase
---
[go]({{< relref "go" >}}) {{< title "kotlin" >}} {{< title "/docs/Languages/Go" >}}
-- content/about/faq.md --
---
title: FAQ
---
`, Options{})
	for _, c := range []struct{ file, want string }{
		{"index.html", `<a href="/docs/languages/">languages</a>`},
		{"community/index.html", `<a href="/docs/languages/">langs</a>`},
		{"community/index.html", `<a href="/docs/platforms/">platforms</a>`},
		{"docs/index.html", `<a href="/about/faq/">faq</a>`},
		{"docs/index.html", `<a href="/docs/guide/">guide</a>`},
		{"docs/languages/kotlin/index.html", `<a href="/community/">community</a>`},
		{"docs/languages/kotlin/index.html", `<a href="/docs/languages/go/">go</a>`},
		{"docs/guide/index.html", `<a href="/docs/platforms/">sibling</a>`},
		{"docs/guide/index.html", `<a href="/docs/languages/">up</a>`},
		{"showcase/index.html", `<a href="/docs/languages/go/">go</a> Kotlin Go`},
	} {
		if html := file(t, s, c.file); !strings.Contains(html, c.want) {
			t.Errorf("%s lacks %s\n%s", c.file, c.want, html)
		}
	}
}

// TestHugoRefErrors: a base name that several pages have is an error
// naming them (as relref and as .Site.GetPage); the "no page" error
// mentions drafts only when the ref names one.
func TestHugoRefErrors(t *testing.T) {
	t.Parallel()
	_, err := buildTxtar(t, `
-- config.toml --
minify = false
-- layouts/shortcodes/title.html --
{{ with .Site.GetPage (.Get 0) }}{{ .Title }}{{ end }}
-- content/a.md --
---
title: A
---
[setup]({{< relref "setup" >}}) [gone]({{< relref "gone" >}}) [plan]({{< relref "plan" >}})
{{< title "setup" >}}
-- content/install/setup.md --
---
title: Setup
---
-- content/upgrade/setup/index.md --
---
title: Setup again
---
-- content/wip/_index.md --
---
title: Work in progress
draft: true
---
-- content/wip/plan.md --
---
title: Plan
---
`, Options{})
	got := strings.Join(errorLines(err), "\n")
	want := strings.Join([]string{
		`content/a.md:4:9: shortcode "relref": page reference "setup" is ambiguous: it names content/install/setup.md, content/upgrade/setup/index.md (hint: write the page's path from the content root)`,
		`content/a.md:4:40: shortcode "relref": no page "gone" in the content directory, and no page named "gone"`,
		`content/a.md:4:70: shortcode "relref": no page "plan" in the content directory, and no page named "plan" (content/wip/plan.md is a draft: drafts are left out unless built with --drafts)`,
		`content/a.md:5:1: shortcode "title": layouts/shortcodes/title.html:1: executing "layouts/shortcodes/title.html" at <.Site.GetPage>: error calling GetPage: page reference "setup" is ambiguous: it names content/install/setup.md, content/upgrade/setup/index.md (hint: write the page's path from the content root)`,
	}, "\n")
	if got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}

// TestHugoRelativeLinks builds a site whose markdown links are written as
// linkerd's are, for Hugo's link render hook (.Page.GetPage on the
// destination): "../install/" from reference/cli/check.md means the page
// reference/install.md, though from the page's URL it leads nowhere. Links
// that work from the page's URL stay as written, the .md forms still
// resolve, and a link to no page at all is still reported.
func TestHugoRelativeLinks(t *testing.T) {
	t.Parallel()
	const site = `
-- config.toml --
minify = false
-- content/_index.md --
---
title: Home
---
-- content/reference/_index.md --
---
title: Reference
---
-- content/reference/install.md --
---
title: Install
---
## Steps
-- content/reference/cli/_index.md --
---
title: CLI
---
-- content/reference/cli/check.md --
---
title: Check
---
[install](../install/) [steps](../install/#steps) [tasks](../../tasks/Upgrade/)
[sibling](inject) [as url](../inject/) [md](../install.md) [root](tasks/upgrade)
-- content/reference/cli/inject.md --
---
title: Inject
---
-- content/tasks/upgrade.md --
---
title: Upgrade
---
`
	s := mustBuild(t, site, Options{})
	html := file(t, s, "reference/cli/check/index.html")
	for _, want := range []string{
		`<a href="/reference/install/">install</a>`,
		`<a href="/reference/install/#steps">steps</a>`,
		`<a href="/tasks/upgrade/">tasks</a>`,
		`<a href="/reference/cli/inject/">sibling</a>`,
		`<a href="../inject/">as url</a>`,
		`<a href="/reference/install/">md</a>`,
		`<a href="/tasks/upgrade/">root</a>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("check page lacks %s\n%s", want, html)
		}
	}

	_, err := buildTxtar(t, site+`-- content/reference/broken.md --
---
title: Broken
---
[nowhere](../nowhere/)
`, Options{})
	got := strings.Join(errorLines(err), "\n")
	want := `content/reference/broken.md:4:1: broken link "../nowhere/": no page or file /reference/nowhere/`
	if got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}
