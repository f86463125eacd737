package site

import (
	"strings"
	"testing"
)

// fallbackSite is a Hugo site whose layouts were written for the Docsy
// theme, which is not there: its base template calls Docsy's partials
// and reads .Site.Menus, a section list reads .Paginator. Its shortcode
// is its own.
const fallbackSite = `
-- config.toml --
theme = "docsy"
-- layouts/_default/baseof.html --
<!doctype html><html><head>{{ partial "head.html" . }}</head><body>{{ partial "navbar.html" . }}
{{ range .Site.Menus.main }}{{ .Name }}{{ end }}{{ block "main" . }}{{ end }}</body></html>
-- layouts/_default/single.html --
{{ define "main" }}<article class="site-single">{{ .Content }}</article>{{ end }}
-- layouts/docs/list.html --
{{ define "main" }}{{ .Content }}{{ range .Paginator.Pages }}{{ .Title }}{{ end }}{{ end }}
-- layouts/shortcodes/hello.html --
<span class="hello">Hello, {{ .Get 0 }}</span>
-- content/_index.md --
---
title: Home
---
Home.
-- content/docs/_index.md --
---
title: Docs
---
Docs.
-- content/docs/a.md --
---
title: A
---
{{< hello "world" >}}
`

// TestPageLayoutFallback: pages whose layouts need a theme that is not
// there, or Hugo fields quire lacks, are built with the default theme
// (the site's shortcodes still run), with one warning naming every
// template and what it needs; the build succeeds.
func TestPageLayoutFallback(t *testing.T) {
	s := mustBuild(t, fallbackSite, Options{})
	a := file(t, s, "docs/a/index.html")
	if !strings.Contains(a, `class="skip-link"`) || strings.Contains(a, "site-single") {
		t.Errorf("docs/a is not built with the default theme:\n%s", a)
	}
	if !strings.Contains(a, `<span class="hello">Hello, world</span>`) {
		t.Errorf("the site's shortcode did not run in docs/a:\n%s", a)
	}
	var got []string
	for _, w := range s.Warnings {
		got = append(got, w.Error())
	}
	want := `layouts: 4 pages built with quire's default theme, as the site's templates need what quire does not have (its theme, docsy, is not there): ` +
		`layouts/_default/baseof.html (needs .Site.Menus, partial "navbar.html"); layouts/docs/list.html (needs .Paginator)`
	if len(got) != 1 || !strings.HasPrefix(got[0], want) {
		t.Errorf("warnings:\n%s\nwant one that starts\n%s", strings.Join(got, "\n"), want)
	}
}

// TestPageLayoutErrorsStayErrors: without a theme, a partial that is not
// there is the site's own error; so is a template that fails on its own
// terms. Neither falls back.
func TestPageLayoutErrorsStayErrors(t *testing.T) {
	for name, archive := range map[string]string{
		"missing partial, no theme": strings.Replace(fallbackSite, "theme = \"docsy\"\n", "", 1),
		"a field neither quire nor Hugo has": `
-- config.toml --
theme = "docsy"
-- layouts/_default/single.html --
{{ define "main" }}{{ .Titel }}{{ end }}
-- content/a.md --
---
title: A
---
A.
`,
		"a failing function": `
-- layouts/_default/single.html --
{{ define "main" }}{{ index .Params.list 5 }}{{ end }}
-- content/a.md --
---
title: A
list: [1]
---
A.
`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := buildTxtar(t, archive, Options{})
			if err == nil {
				t.Fatal("build succeeded, want the template's error")
			}
		})
	}
}
