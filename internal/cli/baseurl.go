package cli

import (
	"os"
	"path/filepath"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/diag"
)

// baseURLWarning is quire build's warning that baseURL is not set, nil
// when it is: sitemap.xml, the canonical links and og:url need the site's
// absolute address, and without one they are relative. A baseURL written
// in the configuration is a choice, a path included ("/" keeps them
// relative without a warning), as is --base-url; quire serve, which
// serves on its own address, does not ask. The warning names the site's
// configuration file.
func baseURLWarning(root string, cfg config.Config) *diag.Diagnostic {
	if cfg.BaseURLSet {
		return nil
	}
	file := "config.toml"
	for _, name := range config.RootFiles() {
		if fi, err := os.Stat(filepath.Join(root, name)); err == nil && !fi.IsDir() {
			file = name
			break
		}
	}
	return diag.Warnf(file, 0, 0, "baseURL is not set, so the links in sitemap.xml, canonical and og:url are relative").
		WithHint(`set baseURL = "https://example.com/" to the site's address, or baseURL = "/" to keep them relative`)
}
