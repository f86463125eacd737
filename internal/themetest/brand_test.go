package themetest

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/quire-docs/quire/internal/sitetest"
)

// brandSite is a site that brands the theme with every key of [params]
// and copies none of its files.
const brandSite = `-- config.toml --
title = "Acme Docs"
[params]
logo = "images/logo.svg"
logoDark = "images/logo-dark.svg"
accentColor = "#0b7285"
accentColorDark = "#66d9e8"
customCSS = "css/extra.css"
customJS = ["js/extra.js"]
images = ["og.png"]
footer = "© Acme. Read the [licence](https://example.org/licence)."
[params.social]
github = "https://github.com/acme/acme"
mastodon = "https://mastodon.example/@acme"
rss = "https://example.org/index.xml"
[[params.headerLinks]]
name = "Blog"
url = "https://example.org/blog/"
[[params.headerLinks]]
name = "Guide"
url = "guide/"
-- assets/images/logo.svg --
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="32" height="32"><rect width="32" height="32" rx="7" fill="#0b7285"/></svg>
-- assets/images/logo-dark.svg --
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="32" height="32"><rect width="32" height="32" rx="7" fill="#66d9e8"/></svg>
-- assets/css/extra.css --
.site-title { letter-spacing: .05em; }
-- assets/js/extra.js --
document.documentElement.dataset.acme = "extra";
-- static/og.png --
not really a png
-- layouts/partials/hooks/head-end.html --
<meta name="acme" content="head hook">
-- layouts/partials/hooks/body-end.html --
<p class="acme-body-hook" hidden>body hook</p>
-- content/_index.md --
---
title: Acme Docs
---
Welcome to [the guide](guide/).
-- content/guide.md --
---
title: Guide
weight: 1
---
Read [the home page](/) first.

` + "```sh\nacme build --all\n```" + `
-- content/next.md --
---
title: Next steps
weight: 2
---
The end.
`

// buildTxtar builds the site in a txtar archive, in memory.
func buildTxtar(t *testing.T, archive string) *docs {
	t.Helper()
	fsys, cfg := sitetest.Archive(t, archive)
	return buildSite(t, fsys, cfg)
}

// TestBrand shows a site branded from [params] at each view: the logo of
// the scheme and only it, links in the accent colour of the scheme, the
// header links and social links where the width has room for them (in the
// menu and the footer on a phone), the site's stylesheet, script and hooks;
// and axe-core finds no violations.
func TestBrand(t *testing.T) {
	axe, err := os.ReadFile(tool(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	d := buildTxtar(t, brandSite)
	srv := serve(t, d)
	accent := map[string]string{"light": "rgb(11, 114, 133)", "dark": "rgb(102, 217, 232)"}
	for _, v := range views {
		t.Run(v.String(), func(t *testing.T) {
			ctx := open(t, v)
			visit(t, ctx, srv.URL+"/guide/")
			screenshot(t, ctx, "brand-"+v.String())
			shown := func(sel string) bool {
				return eval[bool](t, ctx, `[...document.querySelectorAll(`+jsString(sel)+`)].some(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden")`)
			}
			other := map[string]string{"light": "dark", "dark": "light"}[v.scheme]
			if !shown(".site-title .logo-"+v.scheme) || shown(".site-title .logo-"+other) {
				t.Errorf("the header does not show the %s logo, and only it", v.scheme)
			}
			if got := eval[string](t, ctx, `getComputedStyle(document.querySelector(".content a")).color`); got != accent[v.scheme] {
				t.Errorf("a link's colour is %s, want the %s accent %s", got, v.scheme, accent[v.scheme])
			}
			if got := eval[string](t, ctx, `document.documentElement.dataset.acme + " " + getComputedStyle(document.querySelector(".site-title")).letterSpacing + " " + !!document.querySelector("head meta[name=acme]") + " " + !!document.querySelector("body > .acme-body-hook")`); !strings.HasPrefix(got, "extra ") || strings.Contains(got, "normal") || !strings.HasSuffix(got, " true true") {
				t.Errorf("the site's script, stylesheet, head hook and body hook: %q, want all applied", got)
			}
			wide := v.width > 800
			if shown(".header-links") != wide || shown(".header-social") != wide || shown(".footer-social") == wide {
				t.Errorf("at %d px: header links shown %v, header social %v, footer social %v", v.width, shown(".header-links"), shown(".header-social"), shown(".footer-social"))
			}
			if got := eval[[]string](t, ctx, `[...document.querySelectorAll(".footer-social a")].map(a => a.textContent + " " + a.getAttribute("href"))`); strings.Join(got, ", ") != "GitHub https://github.com/acme/acme, Mastodon https://mastodon.example/@acme, RSS feed https://example.org/index.xml" {
				t.Errorf("social links %q", got)
			}
			if !wide {
				if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".menu-button")), chromedp.WaitVisible(chromedp.CSS("#quire-nav .menu-links"))); err != nil {
					t.Fatalf("the menu does not show the header links: %v", err)
				}
				screenshot(t, ctx, "brand-menu-"+v.String())
				if got := eval[string](t, ctx, `document.querySelector("#quire-nav .menu-links a[href='/guide/']").textContent`); got != "Guide" {
					t.Errorf("the menu's header link to the guide reads %q", got)
				}
				if err := chromedp.Do(ctx, chromedp.KeyEvent("\x1b")); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](string(axe)+";true")); err != nil {
				t.Fatalf("injecting axe-core: %v", err)
			}
			report := eval[string](t, ctx, `axe.run(document, {resultTypes: ["violations"]}).then(r =>
				r.violations.map(v => v.id + " (" + v.impact + "): " + v.help + "\n" +
					v.nodes.map(n => "    " + n.target.join(" ") + ": " + n.failureSummary.replace(/\n/g, " ")).join("\n")).join("\n"))`)
			if report != "" {
				t.Errorf("axe-core violations:\n%s", report)
			}
		})
	}
}

// TestBrandFooterScrolled takes the footer of the branded site into view
// for a person to look at.
func TestBrandFooterScrolled(t *testing.T) {
	if os.Getenv("QUIRE_SCREENSHOTS") == "" {
		t.Skip("only takes screenshots (set QUIRE_SCREENSHOTS)")
	}
	d := buildTxtar(t, brandSite)
	srv := serve(t, d)
	for _, v := range []view{{375, 740, "dark"}, {1280, 800, "light"}} {
		ctx := open(t, v)
		visit(t, ctx, srv.URL+"/next/")
		if err := chromedp.Do(ctx, chromedp.ScrollIntoView(chromedp.CSS(".site-footer"))); err != nil {
			t.Fatal(err)
		}
		screenshot(t, ctx, fmt.Sprintf("brand-footer-%s", v))
	}
}
