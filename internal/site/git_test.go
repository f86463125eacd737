package site

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/sitetest"
)

// gitSite writes the files of archive into a new directory and returns
// it, and a function running git there (sitetest.GitSite).
var gitSite = sitetest.GitSite

// buildDir builds the site in dir as quire build does (Options.Dir set).
func buildDir(t *testing.T, dir string, opts Options) *Site {
	t.Helper()
	cfg, _, _, err := config.LoadSite(dir, "production")
	if err != nil {
		t.Fatal(err)
	}
	opts.Dir = dir
	s, err := Build(context.Background(), os.DirFS(dir), cfg, opts)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return s
}

const gitSiteFiles = `-- config.toml --
baseURL = "https://example.org/"
title = "Docs"
enableGitInfo = true
minify = false
-- content/_index.md --
---
title: Home
---
-- content/docs/a.md --
---
title: A
lastmod: 2020-01-01
---
A's text.
-- content/notes/n.md --
---
title: N
---
-- layouts/notes/single.html --
{{ with .GitInfo }}<p id="git">{{ .AbbreviatedHash }}|{{ len .Hash }}|{{ .Subject }}|{{ .AuthorName }}|{{ .AuthorEmail }}|{{ .AuthorDate.Format "2006-01-02" }}|{{ .CommitDate.Format "2006-01-02" }}</p>{{ else }}<p id="git">none</p>{{ end }}<p id="lastmod">{{ .Lastmod.Format "2006-01-02" }}</p>
`

// TestGitInfoDates: with enableGitInfo, a page's lastmod is its file's
// last commit's author date, over its front matter's lastmod; a file git
// does not know keeps its own. The theme's "Last updated", the sitemap
// and .GitInfo show it.
func TestGitInfoDates(t *testing.T) {
	t.Parallel()
	dir, git := gitSite(t, gitSiteFiles)
	git("", "init", "-q")
	git("", "add", ".")
	git("2024-01-02T10:00:00Z", "commit", "-q", "-m", "Start")
	sitetest.WriteFile(t, filepath.Join(dir, "content/notes/n.md"), "---\ntitle: N\n---\nMore.\n")
	git("", "add", ".")
	// Author and commit dates differ, as after a rebase.
	git("2024-03-04T10:00:00Z/2024-03-05T10:00:00Z", "commit", "-q", "-m", "Say more")
	sitetest.WriteFile(t, filepath.Join(dir, "content/docs/new.md"), "---\ntitle: New\nlastmod: 2021-05-06\n---\n")

	s := buildDir(t, dir, Options{})
	for _, w := range s.Warnings {
		t.Errorf("warning: %v", w)
	}
	a := file(t, s, "docs/a/index.html")
	if want := `Last updated <time datetime="2024-01-02">January 2, 2024</time>`; !strings.Contains(a, want) {
		t.Errorf("docs/a: no %q in\n%s", want, a)
	}
	if want := `<time datetime="2021-05-06">`; !strings.Contains(file(t, s, "docs/new/index.html"), want) {
		t.Errorf("docs/new (untracked): no %q, the front matter's lastmod", want)
	}
	n := file(t, s, "notes/n/index.html")
	if !strings.Contains(n, `|40|Say more|Ann Author|ann@example.org|2024-03-04|2024-03-05</p>`) || !strings.Contains(n, `<p id="lastmod">2024-03-04</p>`) {
		t.Errorf("notes/n: .GitInfo or .Lastmod wrong:\n%s", n)
	}
	sm := file(t, s, "sitemap.xml")
	for _, want := range []string{
		"<loc>https://example.org/docs/a/</loc>\n    <lastmod>2024-01-02</lastmod>",
		"<loc>https://example.org/docs/new/</loc>\n    <lastmod>2021-05-06</lastmod>",
		"<loc>https://example.org/notes/n/</loc>\n    <lastmod>2024-03-04</lastmod>",
	} {
		if !strings.Contains(sm, want) {
			t.Errorf("sitemap.xml: no %q in\n%s", want, sm)
		}
	}
}

// TestGitInfoWarnsOnce: a shallow clone's dates are wrong, and a site
// outside git has none; each is one warning, and the build goes on.
func TestGitInfoWarnsOnce(t *testing.T) {
	dir, git := gitSite(t, gitSiteFiles)
	git("", "init", "-q")
	git("", "add", ".")
	git("2024-01-02T10:00:00Z", "commit", "-q", "-m", "Start")
	sitetest.WriteFile(t, filepath.Join(dir, "content/notes/n.md"), "---\ntitle: N\n---\nMore.\n")
	git("2024-03-04T10:00:00Z", "commit", "-q", "-a", "-m", "Say more")
	clone := filepath.Join(t.TempDir(), "clone")
	git("", "clone", "-q", "--depth=1", "file://"+dir, clone)

	outside, _ := gitSite(t, gitSiteFiles)
	for _, tc := range []struct {
		name, dir, want, hint string
	}{
		{"ShallowClone", clone, "shallow clone: dates from git are wrong", "fetch-depth: 0"},
		{"NotARepository", outside, "enableGitInfo: no git history: not a git repository", "front matter"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(outside))
			s := buildDir(t, tc.dir, Options{})
			var got []string
			for _, w := range s.Warnings {
				got = append(got, w.String())
			}
			if len(got) != 1 || !strings.Contains(got[0], tc.want) || !strings.Contains(got[0], tc.hint) {
				t.Errorf("warnings = %q, want one with %q and %q", got, tc.want, tc.hint)
			}
		})
	}
}

// TestGitInfoCommitEndsQuickRebuild: after a commit, a rebuild of an
// edit is not a quick one, which would keep the last build's dates.
func TestGitInfoCommitEndsQuickRebuild(t *testing.T) {
	t.Parallel()
	dir, git := gitSite(t, gitSiteFiles)
	git("", "init", "-q")
	git("", "add", ".")
	git("2024-01-02T10:00:00Z", "commit", "-q", "-m", "Start")
	cache, files := NewCache(), content.NewFileCache()
	opts := Options{Cache: cache, Files: files}
	buildDir(t, dir, opts)

	a := filepath.Join(dir, "content/docs/a.md")
	sitetest.WriteFile(t, a, "---\ntitle: A\nlastmod: 2020-01-01\n---\nA's new text.\n")
	git("2024-03-04T10:00:00Z", "commit", "-q", "-a", "-m", "Change A")
	sitetest.WriteFile(t, a, "---\ntitle: A\nlastmod: 2020-01-01\n---\nA's newer text.\n")
	opts.Changed = []string{"content/docs/a.md"}
	s := buildDir(t, dir, opts)
	if cache.Quick() {
		t.Error("the rebuild after a commit was a quick one")
	}
	if want := `<time datetime="2024-03-04">`; !strings.Contains(file(t, s, "docs/a/index.html"), want) {
		t.Errorf("docs/a after the commit: no %q", want)
	}

	// Without a commit, an edit is still a quick rebuild.
	sitetest.WriteFile(t, a, "---\ntitle: A\nlastmod: 2020-01-01\n---\nA's newest text.\n")
	buildDir(t, dir, opts)
	if !cache.Quick() {
		t.Error("an edit without a commit was not a quick rebuild")
	}
}
