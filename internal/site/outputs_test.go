package site

import (
	"strings"
	"testing"
)

func TestOutputCollisions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		archive string
		wantErr []string // substrings of the error; nil: success
		warn    string   // substring of a warning
	}{
		{
			name: "CaseOnlyDifference",
			archive: `
-- content/FAQ.md --
---
title: Upper
url: /FAQ/
---
-- content/other.md --
---
title: Lower
url: /faq/
---
`,
			wantErr: []string{"differs only in case", "content/FAQ.md", "content/other.md"},
		},
		{
			name: "TwoPagesOneAliasWarns",
			archive: `
-- content/a.md --
---
title: A
aliases: [/old/]
---
-- content/b.md --
---
title: B
aliases: [/old/]
---
`,
			warn: "content/a.md: alias /old/ is also an alias of content/b.md, and redirects there",
		},
		{
			name: "SameAliasTwiceOnOnePage",
			archive: `
-- content/a.md --
---
title: A
aliases: [old/, /old/]
---
`,
		},
		{
			name: "AliasWithDotDotSkipped",
			archive: `
-- content/a.md --
---
title: A
aliases: [../../x/]
---
`,
			warn: `alias "../../x/" is not a usable path`,
		},
		{
			name: "AliasOverStaticFileIsIgnored",
			archive: `
-- content/a.md --
---
title: A
aliases: [/img.png]
---
-- content/img.png --
png
`,
			wantErr: []string{"needs \"img.png\" to be a directory"},
		},
		{
			name: "SiteRobotsReplacesGenerated",
			archive: `
-- content/a.md --
---
title: A
---
-- content/robots.txt --
User-agent: *
Disallow: /private/
`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s, err := buildTxtar(t, tc.archive, Options{})
			if tc.wantErr == nil {
				if err != nil {
					t.Fatalf("Build: %v", err)
				}
			} else {
				if err == nil {
					t.Fatalf("Build succeeded, want an error containing %q", tc.wantErr)
				}
				for _, w := range tc.wantErr {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error %q lacks %q", err, w)
					}
				}
				return
			}
			if tc.warn != "" {
				var found bool
				for _, w := range s.Warnings {
					found = found || strings.Contains(w.Error(), tc.warn)
				}
				if !found {
					t.Errorf("no warning containing %q in %v", tc.warn, s.Warnings)
				}
			}
			if tc.name == "SiteRobotsReplacesGenerated" {
				if r := file(t, s, "robots.txt"); !strings.Contains(r, "Disallow: /private/") {
					t.Errorf("robots.txt = %q, want the site's own", r)
				}
			}
		})
	}
}

func TestTemplateErrorReportedOncePerError(t *testing.T) {
	t.Parallel()
	_, err := buildTxtar(t, `
-- content/a.md --
---
title: A
---
-- content/b.md --
---
title: B
---
-- content/c.md --
---
title: C
---
-- layouts/partials/footer.html --
{{ .Nope }}
`, Options{})
	if err == nil {
		t.Fatal("a broken partial built without error")
	}
	lines := errorLines(err)
	if len(lines) != 1 {
		t.Fatalf("got %d errors, want 1:\n%s", len(lines), strings.Join(lines, "\n"))
	}
	if !strings.HasPrefix(lines[0], "layouts/partials/footer.html:1:") || !strings.Contains(lines[0], "other pages)") {
		t.Errorf("error = %q, want it at the partial naming the pages", lines[0])
	}
}

func TestTOCNeverNil(t *testing.T) {
	t.Parallel()
	s := mustBuild(t, `
-- content/a.md --
---
title: A
toc: false
---
## One
-- content/b.md --
---
title: B
---
No headings.
-- layouts/_default/single.html --
{{ define "main" }}<p>entries: {{ len .TOC.Entries }}</p>{{ range .TOC.Entries }}{{ .Text }}{{ end }}{{ end }}
`, Options{})
	for _, p := range []string{"a/index.html", "b/index.html"} {
		if html := file(t, s, p); !strings.Contains(html, "entries: 0") {
			t.Errorf("%s: .TOC.Entries not usable on a page without a TOC:\n%s", p, html)
		}
	}
}

func TestStaticReadErrorsReportedWithContentErrors(t *testing.T) {
	t.Parallel()
	// A broken page and a broken template: both in one run.
	_, err := buildTxtar(t, `
-- content/a.md --
---
title: A
weight: x
---
-- layouts/_default/single.html --
{{ define "main" }}{{ .Title }{{ end }}
`, Options{})
	if err == nil {
		t.Fatal("built without error")
	}
	msg := err.Error()
	if !strings.Contains(msg, "content/a.md:3:") || !strings.Contains(msg, "layouts/_default/single.html:1") {
		t.Errorf("errors not reported together:\n%s", msg)
	}
}

func TestTypeAndSection(t *testing.T) {
	t.Parallel()
	s := mustBuild(t, `
-- content/faq/a.md --
---
title: A
---
-- content/faq/deep/b.md --
---
title: B
type: guide
---
-- content/root.md --
---
title: Root
---
-- layouts/_default/single.html --
{{ define "main" }}<p>type={{ .Type }} section={{ .Section }}</p>{{ end }}
`, Options{})
	for path, want := range map[string]string{
		"faq/a/index.html":      "type=faq section=faq",
		"faq/deep/b/index.html": "type=guide section=faq",
		"root/index.html":       "type=page section=",
	} {
		if html := file(t, s, path); !strings.Contains(html, want) {
			t.Errorf("%s lacks %q:\n%s", path, want, html)
		}
	}
}
