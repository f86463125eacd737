package layout

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
