package layout

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/config"
)

// TestSchemesMatchStylesheet: the backgrounds Schemes lists are the ones
// site.css sets for each scheme, so the accent's contrast is checked
// against what readers see.
func TestSchemesMatchStylesheet(t *testing.T) {
	t.Parallel()
	css, err := fs.ReadFile(Theme(), "css/site.css")
	if err != nil {
		t.Fatal(err)
	}
	// The light scheme's variables open the file (":root {"); the dark
	// scheme's are repeated under [data-theme="dark"].
	blocks := map[string]string{}
	src := string(css)
	if i := strings.Index(src, ":root {"); i >= 0 {
		blocks["light"] = src[i : i+strings.Index(src[i:], "}")]
	}
	if i := strings.Index(src, `[data-theme="dark"] {`); i >= 0 {
		blocks["dark"] = src[i : i+strings.Index(src[i:], "}")]
	}
	vars := regexp.MustCompile(`--(bg|bg-raised|code-bg|hover-bg): (#[0-9a-f]+);`)
	for _, s := range Schemes() {
		var want []string
		for _, m := range vars.FindAllStringSubmatch(blocks[s.Name], -1) {
			c := m[2]
			if len(c) == 4 {
				c = "#" + strings.Repeat(c[1:2], 2) + strings.Repeat(c[2:3], 2) + strings.Repeat(c[3:4], 2)
			}
			if !slices.Contains(want, c) {
				want = append(want, c)
			}
		}
		if len(want) == 0 {
			t.Fatalf("no backgrounds found for the %s scheme in site.css", s.Name)
		}
		for _, c := range want {
			if !slices.Contains(s.Backgrounds, c) {
				t.Errorf("the %s scheme's background %s in site.css is not in Schemes", s.Name, c)
			}
		}
		for _, c := range s.Backgrounds {
			if !slices.Contains(want, c) {
				t.Errorf("Schemes lists %s for the %s scheme, which site.css does not set", c, s.Name)
			}
		}
	}
}

// TestCheckAccent: an accent colour below WCAG AA on a scheme's
// backgrounds is a warning at its key naming the ratio and the worst
// background; accentColor stands for the dark scheme when
// accentColorDark is unset.
func TestCheckAccent(t *testing.T) {
	t.Parallel()
	colour := func(key, hex string, line int) *config.BrandColour {
		c, err := config.ParseColour(hex)
		if err != nil {
			t.Fatal(err)
		}
		return &config.BrandColour{Key: "params." + key, Colour: c, Pos: config.Pos{File: "config.toml", Line: line, Col: 1}}
	}
	for _, tc := range []struct {
		name  string
		brand config.Brand
		want  []string
	}{
		{"None", config.Brand{}, nil},
		{"DarkOnBothSchemes", config.Brand{Accent: colour("accentColor", "#0b7285", 2)}, []string{
			`config.toml:2:1: params.accentColor: #0b7285 has a contrast of 2.97:1 on the dark scheme's background #1a1f26, below WCAG AA (hint: links need 4.5:1; set accentColorDark to a lighter colour for the dark scheme)`}},
		{"EachSchemeItsOwn", config.Brand{Accent: colour("accentColor", "#0b7285", 2), AccentDark: colour("accentColorDark", "#66d9e8", 3)}, nil},
		{"TooLightOnLight", config.Brand{Accent: colour("accentColor", "#66d9e8", 2)}, []string{
			`config.toml:2:1: params.accentColor: #66d9e8 has a contrast of 1.52:1 on the light scheme's background #f3f5f8, below WCAG AA (hint: links need 4.5:1; pick a darker colour)`}},
		{"BothWrong", config.Brand{Accent: colour("accentColor", "#66d9e8", 2), AccentDark: colour("accentColorDark", "#0b7285", 3)}, []string{
			`config.toml:2:1: params.accentColor: #66d9e8 has a contrast of 1.52:1 on the light scheme's background #f3f5f8, below WCAG AA (hint: links need 4.5:1; pick a darker colour)`,
			`config.toml:3:1: params.accentColorDark: #0b7285 has a contrast of 2.97:1 on the dark scheme's background #1a1f26, below WCAG AA (hint: links need 4.5:1; set accentColorDark to a lighter colour for the dark scheme)`}},
		{"OnlyDarkSet", config.Brand{AccentDark: colour("accentColorDark", "#0b7285", 3)}, []string{
			`config.toml:3:1: params.accentColorDark: #0b7285 has a contrast of 2.97:1 on the dark scheme's background #1a1f26, below WCAG AA (hint: links need 4.5:1; set accentColorDark to a lighter colour for the dark scheme)`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			for _, d := range CheckAccent(tc.brand) {
				got = append(got, d.Error())
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("CheckAccent =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
