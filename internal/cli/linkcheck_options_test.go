package cli

import (
	"slices"
	"testing"

	"github.com/quire-docs/quire/internal/config"
)

// TestExternalOptionsSmallAsks checks that requireHTTPS, archiveURL and
// a host's soft404 reach the checker, and that archiveAPI is only asked
// with --suggest-archive (checkExternal sets it from the flag).
func TestExternalOptionsSmallAsks(t *testing.T) {
	t.Parallel()
	cfg, _, err := config.Parse([]byte(`
[linkcheck]
requireHTTPS = true
archiveURL = "https://archive.example/{url}"
[linkcheck.hosts."docs.example.com"]
soft404 = ["Oops"]
[linkcheck.hosts."wiki.example.com"]
soft404 = true
`))
	if err != nil {
		t.Fatal(err)
	}
	eo := externalOptions(cfg.LinkCheck)
	if !eo.RequireHTTPS || eo.ArchiveURL != "https://archive.example/{url}" || eo.ArchiveAPI != "" {
		t.Errorf("RequireHTTPS %v, ArchiveURL %q, ArchiveAPI %q; want true, the template, none", eo.RequireHTTPS, eo.ArchiveURL, eo.ArchiveAPI)
	}
	if h := eo.Hosts["docs.example.com"]; !h.Soft404 || !slices.Equal(h.Soft404Markers, []string{"Oops"}) {
		t.Errorf("docs.example.com: %+v, want soft404 with marker Oops", h)
	}
	if h := eo.Hosts["wiki.example.com"]; !h.Soft404 || h.Soft404Markers != nil {
		t.Errorf("wiki.example.com: %+v, want soft404 with the default markers", h)
	}
	if d := externalOptions(config.Default().LinkCheck); d.RequireHTTPS || d.ArchiveURL != "https://web.archive.org/web/*/{url}" {
		t.Errorf("defaults: RequireHTTPS %v, ArchiveURL %q", d.RequireHTTPS, d.ArchiveURL)
	}
}
