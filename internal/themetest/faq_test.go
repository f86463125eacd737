package themetest

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/quire-docs/quire/internal/config"
)

// faqSite is a site of the FAQ shape quire was made for, "####"
// questions right under the page title, and a page of GitHub alerts.
const faqSite = `
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
#### Is it fast?

Yes.

#### Can I keep my Hugo content?

> [!TIP]
> Most of it.

#### Why level-four headings?

They are what the pages were written with.
-- content/alerts.md --
---
title: Alerts
---
> [!NOTE]
> Builds are atomic.

> [!TIP] Pro tip
> Use ` + "`quire serve`" + `.

> [!IMPORTANT]
> Read the [FAQ](/faq/general/).

> [!WARNING]
> This deletes files.

> [!CAUTION]
> This cannot be undone.

> **Note**
> The older form.
`

// buildFAQ builds faqSite with config.
func buildFAQ(t *testing.T, cfgText string) *docs {
	t.Helper()
	cfg, _, err := config.Parse([]byte(cfgText))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, part := range strings.Split(faqSite, "\n-- ")[1:] {
		name, body, _ := strings.Cut(part, " --\n")
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return buildSite(t, fsys, cfg)
}

// TestFAQHeadingsAxe: an FAQ page of "####" questions and a page of
// alerts pass axe-core at each view, heading-order included, and the
// FAQ's outline goes h1 then h2s. With [markup.headings] normalize = false
// the questions keep h4, which axe reports as heading-order: the check is
// live.
func TestFAQHeadingsAxe(t *testing.T) {
	axe, err := os.ReadFile(tool(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	srv := serve(t, buildFAQ(t, ""))
	for _, v := range views {
		t.Run(v.String(), func(t *testing.T) { axePages(t, v, srv.URL, []string{"/faq/general/", "/alerts/"}, axe) })
	}
	ctx := open(t, views[0])
	visit(t, ctx, srv.URL+"/faq/general/")
	const outline = `[...document.querySelectorAll("main h1, main h2, main h3, main h4, main h5, main h6")].map(h => h.tagName + "#" + h.id).join(" ")`
	if got, want := eval[string](t, ctx, outline), "H1# H2#is-it-fast H2#can-i-keep-my-hugo-content H2#why-level-four-headings"; got != want {
		t.Errorf("headings of the FAQ page:\n got %s\nwant %s", got, want)
	}

	asWritten := serve(t, buildFAQ(t, "[markup.headings]\nnormalize = false\n"))
	visit(t, ctx, asWritten.URL+"/faq/general/")
	if report := axeRun(t, ctx, axe); !strings.Contains(report, "heading-order") {
		t.Errorf("with headings as written, axe-core reports no heading-order violation:\n%s", report)
	}
}
