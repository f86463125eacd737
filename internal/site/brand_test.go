package site

import (
	"regexp"
	"strings"
	"testing"
)

// brandSite sets every branding key of [params]; its files are assets
// (fingerprinted) and static files.
const brandSite = `-- config.toml --
baseURL = "https://example.org/docs/"
title = "Acme"
[params]
logo = "images/logo.svg"
logoDark = "/images/logo-dark.svg"
favicon = "favicon.png"
accentColor = "#0b7285"
accentColorDark = "#66d9e8"
customCSS = ["css/extra.css"]
customJS = "js/extra.js"
images = ["og.png"]
footer = "Made by **Acme**, [licence](https://example.org/licence)."
[params.social]
github = "https://github.com/acme/acme"
rss = "https://example.org/index.xml"
[[params.headerLinks]]
name = "Blog"
url = "https://example.org/blog/"
-- assets/css/extra.css --
.site-title { letter-spacing: .02em; }
-- assets/js/extra.js --
console.log("extra");
-- assets/images/logo.svg --
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>
-- static/images/logo-dark.svg --
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8" fill="#fff"/></svg>
-- static/favicon.png --
png
-- static/og.png --
png
-- static/js/body-hook.js --
console.log("hook");
-- static/covers/setup.png --
png
-- layouts/partials/hooks/head-end.html --
<meta name="acme-head-hook" content="{{ .Title }}">
-- layouts/partials/hooks/body-end.html --
<script src="{{ relURL "js/body-hook.js" }}" defer></script>
-- content/_index.md --
---
title: Home
---
Home.
-- content/setup.md --
---
title: Setup
images: [covers/setup.png]
---
Setup.
-- content/plain.md --
---
title: Plain
images: []
---
Plain.
`

// TestBrandWithoutCopyingThemeFiles: the keys of [params] brand every
// page through the theme's own templates.
func TestBrandWithoutCopyingThemeFiles(t *testing.T) {
	s := mustBuild(t, brandSite, Options{})
	if len(s.Warnings) > 0 {
		t.Errorf("warnings: %v", s.Warnings)
	}
	home := file(t, s, "index.html")
	for _, re := range []string{
		`<img class="logo logo-light" src="/docs/images/logo.svg" alt(="")?>`,
		`<img class="logo logo-dark" src="/docs/images/logo-dark.svg" alt(="")?>`,
		`<link rel="icon" href="/docs/favicon.png" type="image/png">`,
		`<style>:root\{--quire-accent:#0b7285;.*--quire-accent-dark:#66d9e8;.*\}</style>`,
		`<link rel="stylesheet" href="/docs/css/extra\.[0-9a-f]{10}\.css" integrity="sha256-[^"]+" crossorigin="anonymous">`,
		`<script src="/docs/js/extra\.[0-9a-f]{10}\.js" integrity="sha256-[^"]+" crossorigin="anonymous" defer></script>`,
		`<meta property="og:image" content="https://example.org/docs/og.png"><meta name="twitter:card" content="summary_large_image">`,
		`<meta name="acme-head-hook" content="Home"></head>`,
		`<script src="/docs/js/body-hook.js" defer></script></body>`,
		`<ul class="header-links">\s*<li><a href="https://example.org/blog/">Blog</a></li>`,
		`<a class="icon-link" href="https://github.com/acme/acme"><svg[^>]*>.*?</svg><span class="visually-hidden">GitHub</span></a></li><li><a class="icon-link" href="https://example.org/index.xml">`,
		`<div class="footer-text">(<p>)?Made by <strong>Acme</strong>, <a href="https://example.org/licence">licence</a>.(</p>)?\s*</div>`,
	} {
		if !regexp.MustCompile(re).MatchString(home) {
			t.Errorf("home page does not match %s", re)
		}
	}
	// The theme's stylesheet comes before the site's, so the site's wins.
	if i, j := strings.Index(home, "/css/site."), strings.Index(home, "/css/extra."); i < 0 || j < i {
		t.Errorf("css/extra.css is not linked after the theme's stylesheet")
	}
	if got := file(t, s, "setup/index.html"); !strings.Contains(got, `<meta property="og:image" content="https://example.org/docs/covers/setup.png">`) {
		t.Errorf("a page's own images do not make its og:image")
	}
	if got := file(t, s, "plain/index.html"); !strings.Contains(got, `<meta property="og:image" content="https://example.org/docs/og.png">`) {
		t.Errorf("a page's empty images does not fall back to the site's")
	}
}

// TestBrandWithoutImagesIsASummaryCard: with no image, twitter:card is
// "summary" and there is no og:image; without a logo, no img.
func TestBrandWithoutImagesIsASummaryCard(t *testing.T) {
	s := mustBuild(t, "-- content/_index.md --\n---\ntitle: Home\n---\nHome.\n", Options{})
	home := file(t, s, "index.html")
	if !strings.Contains(home, `<meta name="twitter:card" content="summary">`) || strings.Contains(home, "og:image") {
		t.Errorf("home page without images: want a summary card and no og:image")
	}
	if strings.Contains(home, `class="logo`) || strings.Contains(home, "--quire-accent") {
		t.Errorf("home page without branding has a logo or an accent")
	}
}

// TestBrandFilesMustExist: a file a key names that is neither an asset
// nor a static file is an error at the key.
func TestBrandFilesMustExist(t *testing.T) {
	_, err := buildTxtar(t, `-- config.toml --
[params]
logo = "images/logo.svg"
customCSS = ["css/here.css", "css/gone.css"]
images = "og.png"
-- assets/css/here.css --
a{}
-- content/_index.md --
Home.
`, Options{})
	got := strings.Join(errorLines(err), "\n")
	for _, want := range []string{
		`:2:1: params.logo: images/logo.svg is not a file of the site (hint: put it in the assets directory (stylesheets and scripts get fingerprinted) or a static directory, at that path)`,
		`:3:1: params.customCSS: css/gone.css is not a file of the site (hint: put it in the assets directory (stylesheets and scripts get fingerprinted) or a static directory, at that path)`,
		`:4:1: params.images: og.png is not a file of the site (hint: put it in the assets directory (stylesheets and scripts get fingerprinted) or a static directory, at that path)`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors:\n%s\nwant among them\n%s", got, want)
		}
	}
}

// TestBrandAccentContrast: an accent colour below WCAG AA on a scheme's
// backgrounds is a warning naming the ratio; accentColor stands for the
// dark scheme when accentColorDark is unset.
func TestBrandAccentContrast(t *testing.T) {
	for _, tc := range []struct {
		name, params string
		want         []string
	}{
		{"DarkOnBothSchemes", `accentColor = "#0b7285"`, []string{
			`:2:1: params.accentColor: #0b7285 has a contrast of 2.97:1 on the dark scheme's background #1a1f26, below WCAG AA (hint: links need 4.5:1; set accentColorDark to a lighter colour for the dark scheme)`}},
		{"EachSchemeItsOwn", "accentColor = \"#0b7285\"\naccentColorDark = \"#66d9e8\"", nil},
		{"TooLightOnLight", `accentColor = "#66d9e8"`, []string{
			`:2:1: params.accentColor: #66d9e8 has a contrast of 1.52:1 on the light scheme's background #f3f5f8, below WCAG AA (hint: links need 4.5:1; pick a darker colour)`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := mustBuild(t, "-- config.toml --\n[params]\n"+tc.params+"\n-- content/_index.md --\n---\ntitle: Home\n---\nHome.\n", Options{})
			var got []string
			for _, w := range s.Warnings {
				got = append(got, w.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("warnings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestBrandPageImagesMustExist: a page's front matter images naming no
// file of the site is a warning naming the page.
func TestBrandPageImagesMustExist(t *testing.T) {
	s := mustBuild(t, "-- content/_index.md --\n---\ntitle: Home\nimages: [covers/gone.png]\n---\nHome.\n", Options{})
	var got []string
	for _, w := range s.Warnings {
		got = append(got, w.Error())
	}
	want := "content/_index.md: images: covers/gone.png is not a file of the site, so the page's og:image leads nowhere (hint: put it in the assets directory or a static directory, at that path from the site root)"
	if strings.Join(got, "\n") != want {
		t.Errorf("warnings:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}

// TestBrandSocialOfAnotherShape: a Hugo theme's params.social of another
// shape builds, with a warning and no social links.
func TestBrandSocialOfAnotherShape(t *testing.T) {
	for _, params := range []string{"social = [\"github\"]", "[params.social]\ngithub = true\nrss = \"https://example.org/index.xml\""} {
		s := mustBuild(t, "-- config.toml --\n[params]\n"+params+"\n-- content/_index.md --\n---\ntitle: Home\n---\nHome.\n", Options{})
		home := file(t, s, "index.html")
		if strings.Contains(home, `href="true"`) || strings.Contains(home, "github") {
			t.Errorf("%s: the home page links to GitHub", params)
		}
		if strings.Contains(params, "rss") && !strings.Contains(home, `href="https://example.org/index.xml"`) {
			t.Errorf("%s: the home page has no RSS link", params)
		}
	}
}
