package layout

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"
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
