package site

import (
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/diag"
)

// linkSite has a link in every style quire resolves, all valid.
const linkSite = `-- content/_index.md --
---
title: Home
---
Start with [install](faq/install.md).
-- content/faq/_index.md --
---
title: FAQ
---
-- content/faq/upgrade.md --
---
title: Upgrade
---
## Rollback

<span id="raw-anchor">raw</span>
-- content/faq/sub/_index.md --
---
title: Sub
---
-- content/faq/diagram.png --
PNG
-- content/faq/install.md --
---
title: Install
---
## Steps

1. [md relative](../faq/upgrade.md#rollback)
2. [md sibling](upgrade.md)
3. [md index](./sub/_index.md)
4. [page URL relative](../upgrade/#rollback)
5. [absolute](/faq/upgrade/#rollback)
6. [same page](#steps)
7. [raw id](upgrade.md#raw-anchor)
8. [layout id](#quire-main)
9. ![image](diagram.png)
10. [no slash](/faq/upgrade)
11. [top](#top)
12. [external](https://example.com/x#y)
`

func TestLinkStylesResolve(t *testing.T) {
	t.Parallel()
	for _, base := range []string{"/", "https://example.org/docs/"} {
		t.Run(base, func(t *testing.T) {
			t.Parallel()
			cfg := "-- config.toml --\nbaseURL = \"" + base + "\"\n"
			s := mustBuild(t, cfg+linkSite, Options{})
			if len(s.BrokenLinks) != 0 {
				t.Fatalf("broken links in a valid site: %+v", s.BrokenLinks)
			}
			prefix := strings.TrimPrefix(base, "https://example.org")
			html := file(t, s, "faq/install/index.html")
			for _, want := range []string{
				prefix + "faq/upgrade/#rollback",
				prefix + "faq/upgrade/",
				prefix + "faq/sub/",
				"../upgrade/#rollback",
				prefix + "faq/diagram.png",
			} {
				if !strings.Contains(html, want) {
					t.Errorf("install page lacks href %q:\n%s", want, html)
				}
			}
		})
	}
}

func TestBrokenLinkPointsAtSource(t *testing.T) {
	t.Parallel()
	s, err := buildTxtar(t, `
-- content/faq/upgrade.md --
---
title: Upgrade
---
## Rollback
-- content/faq/install.md --
---
title: Install
---
Text.

See [rollback](../faq/upgrade.md#rolback) and
[again](upgrade.md#rolback), <a href="/nowhere/">raw</a>.

![shot](missing.png)
-- content/other.md --
---
title: Other
---
[here too](faq/upgrade.md#rolback)
`, Options{})
	got := strings.Join(errorLines(err), "\n")
	want := strings.Join([]string{
		`content/faq/install.md:6:5: broken link "../faq/upgrade.md#rolback": no anchor "rolback" on /faq/upgrade/ (did you mean "rollback"?)`,
		`content/faq/install.md:7:1: broken link "upgrade.md#rolback": no anchor "rolback" on /faq/upgrade/ (did you mean "rollback"?)`,
		`content/faq/install.md:7:39: broken link "/nowhere/": no page or file /nowhere/`,
		`content/faq/install.md:9:1: broken link "missing.png": no page or file /faq/install/missing.png`,
		`content/other.md:4:1: broken link "faq/upgrade.md#rolback": no anchor "rolback" on /faq/upgrade/ (did you mean "rollback"?)`,
	}, "\n")
	if got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
	if s.Files != nil {
		t.Errorf("a build with broken links returned files")
	}
}

func TestBrokenLinkFromLayout(t *testing.T) {
	t.Parallel()
	_, err := buildTxtar(t, `
-- layouts/partials/footer.html --
<footer>
  <a href="/about/">About</a> <a href="#quire-main">top</a>
</footer>
-- content/a.md --
---
title: A
---
-- content/b.md --
---
title: B
---
`, Options{})
	got := strings.Join(errorLines(err), "\n")
	want := `layouts/partials/footer.html:2:12: broken link "/about/": no page or file /about/`
	if got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}

func TestBrokenLinkSeverity(t *testing.T) {
	t.Parallel()
	const broken = `
-- content/a.md --
---
title: A
---
[x](#nope)
`
	t.Run("ConfigWarning", func(t *testing.T) {
		t.Parallel()
		s := mustBuild(t, "-- config.toml --\n[linkcheck]\ninternal = \"warning\"\n"+broken, Options{})
		if len(s.Warnings) != 1 || s.Warnings[0].Severity != diag.Warning || !strings.Contains(s.Warnings[0].Msg, `no anchor "nope"`) {
			t.Errorf("warnings = %v, want one about #nope", s.Warnings)
		}
	})
	t.Run("ServeWarns", func(t *testing.T) {
		t.Parallel()
		s := mustBuild(t, broken, Options{Links: LinksWarn})
		if len(s.Warnings) != 1 || s.Warnings[0].String() != `content/a.md:4:1: warning: broken link "#nope": no anchor "nope" on this page` {
			t.Errorf("warnings = %v", s.Warnings)
		}
	})
	t.Run("Quiet", func(t *testing.T) {
		t.Parallel()
		s := mustBuild(t, broken, Options{Links: LinksQuiet})
		if len(s.Warnings) != 0 || len(s.BrokenLinks) != 1 || s.Links == nil {
			t.Errorf("warnings %v, broken %v; want none reported and one kept", s.Warnings, s.BrokenLinks)
		}
	})
	t.Run("Off", func(t *testing.T) {
		t.Parallel()
		s := mustBuild(t, broken, Options{Links: LinksOff})
		if len(s.Warnings) != 0 || s.Links != nil {
			t.Errorf("LinksOff still checked links")
		}
	})
	t.Run("DefaultFails", func(t *testing.T) {
		t.Parallel()
		if _, err := buildTxtar(t, broken, Options{}); err == nil {
			t.Errorf("a broken anchor did not fail the build")
		}
	})
}

// TestIssueExample is the message of the issue, word for word: a link
// relative to the page URL, as Hugo reads it, with a misspelt anchor.
func TestIssueExample(t *testing.T) {
	t.Parallel()
	_, err := buildTxtar(t, `
-- content/faq/upgrade.md --
---
title: Upgrade
---
## Rollback
-- content/faq/install.md --
---
title: Install
---
Line 4.
5
6
7
8
9
10
11
    [roll back](../upgrade.md#rolback) if it fails.
`, Options{})
	got := strings.Join(errorLines(err), "\n")
	want := `content/faq/install.md:12:5: broken link "../upgrade.md#rolback": no anchor "rolback" on /faq/upgrade/ (did you mean "rollback"?)`
	if got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}

// TestBrokenLinkIgnoredByComment: an ignore comment in the markdown holds
// for the build's link check too; one in a code fence does not.
func TestBrokenLinkIgnoredByComment(t *testing.T) {
	t.Parallel()
	_, err := buildTxtar(t, `
-- content/a.md --
---
title: A
---
<!-- linkcheck-disable-next-line -->
[x](#nope) [y](missing.md)

`+"```"+`
<!-- linkcheck-disable -->
`+"```"+`
[z](#gone)
`, Options{})
	got := strings.Join(errorLines(err), "\n")
	want := `content/a.md:10:1: broken link "#gone": no anchor "gone" on this page`
	if got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}
