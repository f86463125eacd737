package themetest

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/quire-docs/quire/internal/cli"
	"github.com/quire-docs/quire/internal/config"
)

// TestInitSiteAxe builds the site `quire init` writes and runs axe-core
// on every page of it at each view (light and dark, wide and narrow):
// the first site a new user sees has no violations.
func TestInitSiteAxe(t *testing.T) {
	axe, err := os.ReadFile(tool(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "mysite")
	if code := cli.Main([]string{"init", dir}, io.Discard, io.Discard); code != 0 {
		t.Fatalf("quire init exited %d", code)
	}
	cfg, _, _, err := config.LoadSite(dir, "production")
	if err != nil {
		t.Fatal(err)
	}
	d := buildSite(t, os.DirFS(dir), cfg)
	if len(d.pages) < 5 {
		t.Fatalf("the init site has %d pages: %v", len(d.pages), d.pages)
	}
	srv := serve(t, d)
	for _, v := range views {
		t.Run(v.String(), func(t *testing.T) { axePages(t, v, srv.URL, d.pages, axe) })
	}
}
