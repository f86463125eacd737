package shortcode

import "testing"

func TestThemeOf(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		names []string
		want  string
	}{
		{"None", nil, themeNone},
		{"UnknownTheme", []string{"ananke"}, themeNone},
		{"DocsyByName", []string{"docsy"}, themeDocsy},
		{"DocsyModule", []string{"github.com/google/docsy/dependencies"}, themeDocsy},
		{"HextraModule", []string{"github.com/imfing/hextra"}, themeHextra},
		{"BookByName", []string{"hugo-book"}, themeBook},
		{"BookFolder", []string{"book"}, themeBook},
		{"RelearnModule", []string{"github.com/McShelby/hugo-theme-relearn"}, themeRelearn},
		{"FirstKnownWins", []string{"my-overrides", "hugo-theme-relearn", "docsy"}, themeRelearn},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := themeOf(tc.names); got != tc.want {
				t.Errorf("themeOf(%q) = %q, want %q", tc.names, got, tc.want)
			}
		})
	}
}

// TestChildrenOfOddPages: children lists nothing, and does not fail,
// for a page that is nil, not a struct, or whose embedded page is nil.
func TestChildrenOfOddPages(t *testing.T) {
	t.Parallel()
	type inner struct{ Pages []*inner }
	type outer struct{ *inner }
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, page := range []any{nil, 3, &outer{}, outer{&inner{}}} {
		exp, diags := s.Expand(Env{File: "content/a.md", Line: 1, Body: []byte("{{< children >}}"), Page: page})
		if len(diags) > 0 || len(exp.HTML) != 1 || len(exp.HTML[0]) != 0 {
			t.Errorf("children of %#v: %q, %v; want nothing", page, exp.HTML, diags)
		}
	}
}
