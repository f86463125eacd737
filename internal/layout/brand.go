package layout

import (
	"fmt"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/diag"
)

// Scheme is one of the default theme's colour schemes, and the background
// colours its text and links sit on (site.css's --bg, --code-bg,
// --hover-bg, and --bg-raised in the dark scheme): what an accent colour
// of [params] must contrast with. TestSchemesMatchStylesheet keeps them
// in step with site.css.
type Scheme struct {
	Name        string   // "light" or "dark"
	Backgrounds []string // #rrggbb, the page's own first
	Accent      string   // the param that sets the scheme's link colour
}

// Schemes returns the theme's colour schemes, light first.
func Schemes() []Scheme {
	return []Scheme{
		{Name: "light", Backgrounds: []string{"#ffffff", "#f6f8fa", "#f3f5f8"}, Accent: "accentColor"},
		{Name: "dark", Backgrounds: []string{"#0f1217", "#161b22", "#1a1f26", "#171b22"}, Accent: "accentColorDark"},
	}
}

// minContrast is WCAG 2's AA ratio for body text, which links are.
const minContrast = 4.5

// CheckAccent reports each accent colour of b whose contrast with a
// background of the theme's scheme (Schemes) falls short of WCAG AA, as a
// warning at its key naming the ratio and the worst background, light
// scheme first. accentColor stands for the dark scheme too when
// accentColorDark is unset.
func CheckAccent(b config.Brand) []*diag.Diagnostic {
	var ds []*diag.Diagnostic
	for _, s := range Schemes() {
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
		ds = append(ds, diag.Warnf(c.Pos.File, c.Pos.Line, c.Pos.Col, "%s: %s has a contrast of %.2f:1 on the %s scheme's background %s, below WCAG AA",
			c.Key, c.Colour, worst, s.Name, on).WithHint("%s", hint))
	}
	return ds
}
