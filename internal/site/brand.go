package site

import (
	"fmt"
	"slices"

	"github.com/quire-docs/quire/internal/assets"
	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/layout"
)

// minContrast is WCAG 2's AA ratio for body text, which links are.
const minContrast = 4.5

// checkBrand reports each file the theme's keys of [params] name
// (config.Brand) that is neither an asset (table) nor a static file
// (statics, output paths), as an error at its key; and each accent colour
// whose contrast with a background of the theme's scheme falls short of
// WCAG AA, as a warning naming the ratio. accentColor stands for the dark
// scheme too when accentColorDark is unset.
func checkBrand(b config.Brand, table map[string]assets.Asset, statics []string, ds *diag.List) {
	for _, f := range b.Files {
		if _, ok := table[f.Path]; ok || slices.Contains(statics, f.Path) {
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
