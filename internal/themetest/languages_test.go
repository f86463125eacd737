package themetest

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"

	"github.com/quire-docs/quire/internal/config"
)

// langSite has three languages, one written right to left.
const langSite = `
-- config.toml --
title = "Docs"
[languages.en]
weight = 1
languageName = "English"
[languages.de]
weight = 2
languageName = "Deutsch"
title = "Doku"
[languages.ar]
weight = 3
languageName = "العربية"
languageDirection = "rtl"
title = "توثيق"
-- content/_index.md --
---
title: Home
---
Welcome.
-- content/_index.de.md --
---
title: Start
---
Willkommen.
-- content/_index.ar.md --
---
title: الرئيسية
---
مرحبا.
-- content/docs/guide.md --
---
title: Guide
---
## Install
The guide.
-- content/docs/guide.ar.md --
---
title: دليل
---
## تثبيت
الدليل.
`

func buildLanguages(t *testing.T) *docs {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, part := range strings.Split(langSite, "\n-- ")[1:] {
		name, body, _ := strings.Cut(part, " --\n")
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	cfg, _, err := config.Parse(fsys["config.toml"].Data)
	if err != nil {
		t.Fatal(err)
	}
	return buildSite(t, fsys, cfg)
}

// TestLanguageSwitcher: the pages of a multilingual site, with the
// language switcher in the header, pass axe-core at each view, a
// right-to-left page among them, and no page scrolls sideways.
func TestLanguageSwitcher(t *testing.T) {
	axe, err := os.ReadFile(tool(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	srv := serve(t, buildLanguages(t))
	pages := []string{"/docs/guide/", "/de/", "/ar/docs/guide/"}
	for _, v := range views {
		t.Run(v.String(), func(t *testing.T) {
			axePages(t, v, srv.URL, pages, axe)
			ctx := open(t, v)
			for _, p := range pages {
				visit(t, ctx, srv.URL+p)
				if w := eval[[]int](t, ctx, `[document.documentElement.scrollWidth, document.documentElement.clientWidth]`); w[0] > w[1] {
					t.Errorf("%s at %s is %dpx wide in a %dpx window", p, v, w[0], w[1])
				}
			}
			// Opened, the menu lists every language, within the window.
			visit(t, ctx, srv.URL+"/ar/docs/guide/")
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".lang-switcher summary")), chromedp.WaitVisible(chromedp.CSS(".lang-switcher ul"))); err != nil {
				t.Fatal(err)
			}
			screenshot(t, ctx, v.String()+"-lang-switcher-open")
			if got := eval[string](t, ctx, `[...document.querySelectorAll('.lang-switcher a')].map(a => a.getAttribute("href") + (a.getAttribute("aria-current") ? "*" : "")).join(" ")`); got != "/docs/guide/ /de/ /ar/docs/guide/*" {
				t.Errorf("switcher links on /ar/docs/guide/: %s", got)
			}
			if r := eval[[]float64](t, ctx, `(r => [r.left, r.right])(document.querySelector('.lang-switcher ul').getBoundingClientRect())`); r[0] < 0 || r[1] > float64(v.width) {
				t.Errorf("the open menu spans %v..%vpx of a %dpx window", r[0], r[1], v.width)
			}
			axeCheck(t, ctx, "/ar/docs/guide/ with the language menu open", axe)
		})
	}
}
