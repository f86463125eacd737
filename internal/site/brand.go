package site

import (
	"fmt"
	"strings"

	"github.com/quire-docs/quire/internal/assets"
	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/layout"
)

// minContrast is WCAG 2's AA ratio for body text, which links are.
const minContrast = 4.5

// checkBrand reports each file the theme's keys of [params] name
// (config.Brand) that is not one of the site's files, as an error at its
// key; and each accent colour whose contrast with a background of the
// theme's scheme falls short of WCAG AA, as a warning naming the ratio.
// accentColor stands for the dark scheme too when accentColorDark is
// unset.
func checkBrand(b config.Brand, files siteFiles, ds *diag.List) {
	for _, f := range b.Files {
		if files.has(f.Path) {
			continue
		}
		ds.Add(diag.Errorf(f.Pos.File, f.Pos.Line, f.Pos.Col, "%s: %s is not a file of the site", f.Key, f.Path).
			WithHint("put it in the assets directory (stylesheets and scripts get fingerprinted) or a static directory, at that path"))
	}
	for _, s := range layout.Schemes() {
		c := b.Accent
		if s.Name == "dark" && b.AccentDark != nil {
			c = b.AccentDark
		}
		if c == nil {
			continue
		}
		worst, on := 21.0, ""
		for _, bg := range s.Backgrounds {
			bc, err := config.ParseColour(bg)
			if err != nil {
				continue // the theme's own: TestSchemesMatchStylesheet
			}
			if r := c.Colour.Contrast(bc); r < worst {
				worst, on = r, bg
			}
		}
		if worst >= minContrast {
			continue
		}
		hint := fmt.Sprintf("links need %.1f:1; pick a darker colour", minContrast)
		if s.Name == "dark" {
			hint = fmt.Sprintf("links need %.1f:1; set %s to a lighter colour for the dark scheme", minContrast, s.Accent)
		}
		ds.Add(diag.Warnf(c.Pos.File, c.Pos.Line, c.Pos.Col, "%s: %s has a contrast of %.2f:1 on the %s scheme's background %s, below WCAG AA",
			c.Key, c.Colour, worst, s.Name, on).WithHint("%s", hint))
	}
}

// checkPageImages warns about each file a page's front matter images (a
// name or a list, as in Hugo) names that is not one of the site's files:
// the page's og:image would lead nowhere. A warning
// rather than an error, as a Hugo site's own templates may read images
// otherwise (from a page bundle).
func checkPageImages(pages []*content.Page, files siteFiles, ds *diag.List) {
	for _, p := range pages {
		var names []string
		switch v := p.Params["images"].(type) {
		case string:
			names = []string{v}
		case []any:
			for _, e := range v {
				if s, ok := e.(string); ok {
					names = append(names, s)
				}
			}
		}
		for _, n := range names {
			clean := strings.TrimPrefix(n, "/")
			if files.has(clean) || strings.Contains(n, "://") {
				continue
			}
			ds.Add(diag.Warnf(p.File, 0, 0, "images: %s is not a file of the site, so the page's og:image leads nowhere", n).
				WithHint("put it in the assets directory or a static directory, at that path from the site root"))
		}
	}
}

// siteFiles are the files [params] and front matter may name: the assets,
// by name, and the static files' output paths.
type siteFiles struct {
	assets  map[string]assets.Asset
	statics map[string]bool
}

func newSiteFiles(table map[string]assets.Asset, statics []string) siteFiles {
	f := siteFiles{assets: table, statics: make(map[string]bool, len(statics))}
	for _, p := range statics {
		f.statics[p] = true
	}
	return f
}

// has reports whether the site has a file at slash path p.
func (f siteFiles) has(p string) bool {
	_, ok := f.assets[p]
	return ok || f.statics[p]
}
