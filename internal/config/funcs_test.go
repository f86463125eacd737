package config

import (
	"strings"
	"testing"
)

// TestSecurityFuncsGetenv: security.funcs.getenv replaces Hugo's default
// patterns; a pattern that is not a regular expression is an error at its
// line.
func TestSecurityFuncsGetenv(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		want      []string // the patterns GetenvAllow compiles
		err       string
	}{
		{"DefaultsAreHugos", "", []string{"^HUGO_", "^CI$"}, ""},
		{"ListReplacesDefaults", "[security.funcs]\ngetenv = [\"^MY_\"]\n", []string{"^MY_"}, ""},
		{"EmptyListAllowsNothing", "[security.funcs]\ngetenv = []\n", []string{}, ""},
		{"BadPattern", "[security.funcs]\ngetenv = [\"(\"]\n", nil, `:2:1: security.funcs.getenv: "(" is not a regular expression`},
		{"NotAString", "[security.funcs]\ngetenv = [1]\n", nil, `:2:1: security.funcs.getenv: 1 is not a string`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, _, err := Parse([]byte(tt.src))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("Parse(%q) error = %v, want one containing %q", tt.src, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, re := range c.Security.GetenvAllow() {
				got = append(got, re.String())
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") || len(got) != len(tt.want) {
				t.Errorf("GetenvAllow() = %q, want %q", got, tt.want)
			}
		})
	}
}
