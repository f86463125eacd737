package multilingual

import (
	"context"
	"os"
	"testing"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/site"
	"github.com/quire-docs/quire/internal/sitetest"
)

// The helpers of package site's tests that these need.

// buildTxtar builds the site in a txtar archive (config.toml optional).
func buildTxtar(t testing.TB, archive string, opts site.Options) (*site.Site, error) {
	t.Helper()
	fsys, cfg := sitetest.Archive(t, archive)
	return Build(context.Background(), fsys, cfg, opts)
}

func mustBuild(t testing.TB, archive string, opts site.Options) *site.Site {
	t.Helper()
	s, err := buildTxtar(t, archive, opts)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return s
}

func file(t testing.TB, s *site.Site, path string) string {
	t.Helper()
	return sitetest.File(t, s.Files, path)
}

func hasFile(s *site.Site, path string) bool { return sitetest.Has(s.Files, path) }

// errorLines returns the error diagnostics of err as printed lines.
var errorLines = sitetest.ErrorLines

// gitSite writes the files of archive into a new directory and returns
// it, and a function running git there (sitetest.GitSite).
var gitSite = sitetest.GitSite

// buildDir builds the site in dir as quire build does (Options.Dir set).
func buildDir(t *testing.T, dir string, opts site.Options) *site.Site {
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
