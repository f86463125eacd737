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
