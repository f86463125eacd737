package multilingual

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/site"
	"github.com/quire-docs/quire/internal/sitetest"
)

// twoLanguagesByDir is an English and German site, a content dir each.
const twoLanguagesByDir = `
-- config.toml --
baseURL = "https://example.org/"
title = "Docs"
[languages.en]
contentDir = "content/en"
weight = 1
[languages.de]
contentDir = "content/de"
title = "Doku"
weight = 2
-- content/en/_index.md --
---
title: Home
---
Read [the guide](docs/guide/) or [auf Deutsch](/de/docs/guide/).
-- content/en/docs/guide.md --
---
title: Guide
---
The guide.
-- content/en/docs/only-en.md --
---
title: Only in English
---
-- content/de/_index.md --
---
title: Start
---
Lies [die Anleitung](docs/guide/).
-- content/de/docs/guide.md --
---
title: Anleitung
---
Die Anleitung.
`

// twoLanguagesBySuffix is the same site with one content dir and
// file-name suffixes.
const twoLanguagesBySuffix = `
-- config.toml --
baseURL = "https://example.org/"
title = "Docs"
%s
[languages.en]
weight = 1
[languages.de]
title = "Doku"
weight = 2
-- content/_index.md --
---
title: Home
---
Read [the guide](docs/guide/) or [auf Deutsch](/de/docs/guide/).
-- content/_index.de.md --
---
title: Start
---
Lies [die Anleitung](docs/guide/).
-- content/docs/guide.md --
---
title: Guide
---
The guide.
-- content/docs/guide.de.md --
---
title: Anleitung
---
Die Anleitung.
-- content/docs/only-en.md --
---
title: Only in English
---
`

func TestLanguagesBuildUnderPrefix(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		archive string
		en      string // the prefix of English pages' paths
	}{
		{"ByContentDir", twoLanguagesByDir, ""},
		{"BySuffix", strings.Replace(twoLanguagesBySuffix, "%s", "", 1), ""},
		{"DefaultInSubdir", strings.Replace(twoLanguagesBySuffix, "%s", "defaultContentLanguageInSubdir = true", 1), "en/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := mustBuild(t, tc.archive, site.Options{})
			for path, want := range map[string]string{
				tc.en + "index.html":              "<h1>Home",
				tc.en + "docs/guide/index.html":   "<h1>Guide",
				tc.en + "docs/only-en/index.html": "<h1>Only in English",
				"de/index.html":                   "<h1>Start",
				"de/docs/guide/index.html":        "<h1>Anleitung",
				tc.en + "sitemap.xml":             "https://example.org/" + tc.en + "docs/guide/",
				"de/sitemap.xml":                  "https://example.org/de/docs/guide/",
				"robots.txt":                      "Sitemap: https://example.org/" + tc.en + "sitemap.xml\nSitemap: https://example.org/de/sitemap.xml\n",
			} {
				if got := file(t, s, path); !strings.Contains(got, want) {
					t.Errorf("%s does not contain %q:\n%.2000s", path, want, got)
				}
			}
			if got := file(t, s, "de/index.html"); !strings.Contains(got, `<a href="/de/docs/" class="nav-section">`) {
				t.Errorf("de/index.html: its navigation is not under /de/:\n%.2000s", got)
			}
			// Each language searches its own index, stemmed in its language.
			if got := file(t, s, "de/search-index.json"); !strings.Contains(got, `"lang":""`) {
				t.Errorf("de/search-index.json is not unstemmed German: %.300s", got)
			}
			if got := file(t, s, tc.en+"search-index.json"); !strings.Contains(got, `"lang":"en"`) {
				t.Errorf("%ssearch-index.json is not English: %.300s", tc.en, got)
			}
			if got := file(t, s, "de/docs/guide/index.html"); !strings.Contains(got, `data-index="/de/search-index.json"`) {
				t.Errorf("de/docs/guide/index.html does not search the German index:\n%.3000s", got)
			}
			for _, path := range []string{"de/docs/only-en/index.html", "de/robots.txt"} {
				if hasFile(s, path) {
					t.Errorf("%s is written; want it left out", path)
				}
			}
			if tc.en != "" {
				if got := file(t, s, "index.html"); !strings.Contains(got, `url=/en/`) {
					t.Errorf("index.html does not redirect to /en/:\n%s", got)
				}
				file(t, s, "404.html")
				if got := file(t, s, "sitemap.xml"); !strings.Contains(got, "<sitemapindex") || !strings.Contains(got, "<loc>https://example.org/de/sitemap.xml</loc>") {
					t.Errorf("sitemap.xml is not an index of the languages' sitemaps:\n%s", got)
				}
			}
		})
	}
}

func TestLanguagesLinkCheck(t *testing.T) {
	t.Parallel()
	archive := twoLanguagesByDir + "-- content/en/docs/broken.md --\n[gone](/de/docs/gone/)\n"
	_, err := buildTxtar(t, archive, site.Options{})
	want := `content/en/docs/broken.md:1:1: broken link "/de/docs/gone/": no page or file /de/docs/gone/`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("Build error = %v, want %s", err, want)
	}
	if n := strings.Count(err.Error(), "\n") + 1; n != 1 {
		t.Errorf("Build reported %d errors, want only the broken link:\n%v", n, err)
	}
}

// Links from a language under a prefix to the one at the root, outside
// its own base path, are checked against the whole site.
func TestLanguagesLinkCheckFromPrefix(t *testing.T) {
	t.Parallel()
	archive := twoLanguagesByDir + "-- content/de/docs/links.md --\n[gut](/docs/guide/) [auch](../../../docs/only-en/) [weg](/docs/gone/#x)\n"
	_, err := buildTxtar(t, archive, site.Options{})
	want := `content/de/docs/links.md:1:52: broken link "/docs/gone/#x": no page or file /docs/gone/`
	if got := strings.Join(errorLines(err), "\n"); got != want {
		t.Errorf("Build errors:\n%s\nwant\n%s", got, want)
	}
}

func TestLanguagesDeterministic(t *testing.T) {
	t.Parallel()
	a := mustBuild(t, twoLanguagesByDir, site.Options{})
	b := mustBuild(t, twoLanguagesByDir, site.Options{})
	sitetest.SameFiles(t, a.Files, b.Files)
}

func TestLanguagesTranslations(t *testing.T) {
	t.Parallel()
	archive := twoLanguagesByDir + `-- content/en/docs/keyed.md --
---
title: Keyed
translationKey: k1
---
-- content/de/docs/anders.md --
---
title: Anders
translationKey: k1
---
`
	s := mustBuild(t, archive, site.Options{})
	for path, want := range map[string][]string{
		"docs/guide/index.html": {
			`<link rel="alternate" hreflang="en" href="https://example.org/docs/guide/">`,
			`<link rel="alternate" hreflang="de" href="https://example.org/de/docs/guide/">`,
			`<link rel="alternate" hreflang="x-default" href="https://example.org/docs/guide/">`,
		},
		"de/docs/guide/index.html": {
			`<html lang="de">`,
			`<link rel="alternate" hreflang="de" href="https://example.org/de/docs/guide/">`,
			`<link rel="alternate" hreflang="en" href="https://example.org/docs/guide/">`,
			`<link rel="alternate" hreflang="x-default" href="https://example.org/docs/guide/">`,
		},
		"de/docs/anders/index.html": {`<link rel="alternate" hreflang="en" href="https://example.org/docs/keyed/">`},
		"de/index.html":             {`<link rel="alternate" hreflang="en" href="https://example.org/">`},
	} {
		got := file(t, s, path)
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s does not contain %s:\n%.1500s", path, w, got)
			}
		}
	}
	if got := file(t, s, "docs/only-en/index.html"); strings.Contains(got, `rel="alternate" hreflang`) {
		t.Errorf("docs/only-en/index.html has hreflang links, but no translation:\n%.1500s", got)
	}
}

func TestLanguagesSwitcher(t *testing.T) {
	t.Parallel()
	archive := strings.Replace(twoLanguagesByDir, "[languages.de]\n", "[languages.de]\nlanguageName = \"Deutsch\"\n", 1)
	s := mustBuild(t, archive, site.Options{})
	for path, want := range map[string]string{
		"docs/guide/index.html": `<nav class="lang-switcher" aria-label="Languages"><details><summary><span class="visually-hidden">Language: </span>en</summary><ul>` +
			`<li><a href="/docs/guide/" lang="en" aria-current="true">en</a></li>` +
			`<li><a href="/de/docs/guide/" hreflang="de" lang="de">Deutsch</a></li></ul></details></nav>`,
		"de/docs/guide/index.html": `<li><a href="/docs/guide/" hreflang="en" lang="en">en</a></li>` +
			`<li><a href="/de/docs/guide/" lang="de" aria-current="true">Deutsch</a></li>`,
		// No German version: the switcher leads to the German home page.
		"docs/only-en/index.html": `<li><a href="/de/" hreflang="de" lang="de">Deutsch</a></li>`,
	} {
		if got := file(t, s, path); !strings.Contains(got, want) {
			t.Errorf("%s does not contain %s:\n%.3000s", path, want, got)
		}
	}
	single := mustBuild(t, "-- content/_index.md --\n---\ntitle: Home\n---\n", site.Options{})
	if got := file(t, single, "index.html"); strings.Contains(got, "lang-switcher") {
		t.Errorf("a site of one language has a language switcher:\n%.3000s", got)
	}
}

// A rebuild of a multilingual site, as quire serve asks for it (with a
// Cache and the changed files), is a full build of every language.
func TestLanguagesRebuild(t *testing.T) {
	t.Parallel()
	fsys, cfg := sitetest.Archive(t, twoLanguagesByDir)
	cache, files := site.NewCache(), content.NewFileCache()
	build := func(changed ...string) *site.Site {
		t.Helper()
		s, err := Build(context.Background(), fsys, cfg, site.Options{Cache: cache, Files: files, Links: site.LinksWarn, Changed: changed})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	build()
	fsys["content/de/docs/guide.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Anleitung\n---\nNeu geschrieben.\n")}
	s := build("content/de/docs/guide.md")
	if got := file(t, s, "de/docs/guide/index.html"); !strings.Contains(got, "Neu geschrieben.") {
		t.Errorf("de/docs/guide/index.html after an edit:\n%.3000s", got)
	}
	if got := file(t, s, "docs/guide/index.html"); !strings.Contains(got, `hreflang="de"`) {
		t.Errorf("docs/guide/index.html lost its translation after a rebuild:\n%.3000s", got)
	}
}

// TestGitInfoMultilingual: a multilingual site's pages get their dates
// from git too, each language's from its own files, and a site outside
// git says so once, not once per language.
func TestGitInfoMultilingual(t *testing.T) {
	t.Parallel()
	const files = `-- config.toml --
baseURL = "https://example.org/"
enableGitInfo = true
minify = false
[languages.en]
contentDir = "content/en"
[languages.de]
contentDir = "content/de"
-- content/en/a.md --
---
title: A
---
English.
-- content/de/a.md --
---
title: A
---
Deutsch.
`
	dir, git := gitSite(t, files)
	outside := buildDir(t, dir, site.Options{})
	if n := len(outside.Warnings); n != 1 {
		t.Errorf("outside git: %d warnings, want one: %v", n, outside.Warnings)
	}
	git("", "init", "-q")
	git("", "add", "content/en")
	git("2024-01-02T10:00:00Z", "commit", "-q", "-m", "English")
	git("", "add", ".")
	git("2024-03-04T10:00:00Z", "commit", "-q", "-m", "German")
	s := buildDir(t, dir, site.Options{})
	for path, want := range map[string]string{"a/index.html": `datetime="2024-01-02"`, "de/a/index.html": `datetime="2024-03-04"`} {
		if got := file(t, s, path); !strings.Contains(got, want) {
			t.Errorf("%s: no %s in\n%s", path, want, got)
		}
	}
}

// TestLanguagesOutput: pages sent to an Output as they are rendered go
// under their language's prefix, and with the files Build returns they
// are the files of a build in memory.
func TestLanguagesOutput(t *testing.T) {
	t.Parallel()
	want := mustBuild(t, twoLanguagesByDir, site.Options{})
	out := &sitetest.Recorder{Files: map[string][]byte{}}
	s := mustBuild(t, twoLanguagesByDir, site.Options{Output: out})
	if _, ok := out.Files["de/docs/guide/index.html"]; !ok {
		t.Errorf("de/docs/guide/index.html was not sent under de/; sent %d files", len(out.Files))
	}
	for _, f := range s.Files {
		if _, dup := out.Files[f.Path]; dup {
			t.Errorf("%s is both sent and returned", f.Path)
		}
		out.Files[f.Path] = f.Data
	}
	if len(out.Files) != len(want.Files) {
		t.Errorf("%d files sent and returned, %d built in memory", len(out.Files), len(want.Files))
	}
	for _, f := range want.Files {
		if got, ok := out.Files[f.Path]; !ok || !bytes.Equal(got, f.Data) {
			t.Errorf("%s differs from the build in memory", f.Path)
		}
	}
}
