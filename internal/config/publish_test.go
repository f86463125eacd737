package config

import (
	"slices"
	"strings"
	"testing"
)

func TestPublishAllowDotPaths(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		src     string
		want    []string
		wantErr string
	}{
		{"DefaultNone", "", nil, ""},
		{"WellKnown", "[publish]\nallowDotPaths = [\".well-known\"]", []string{".well-known"}, ""},
		{"NotDotted", "[publish]\nallowDotPaths = [\"well-known\"]",
			nil, `config.toml:2:1: publish.allowDotPaths: well-known is not a name starting with "." (hint: list single path segments such as [".well-known"])`},
		{"TwoSegments", "[publish]\nallowDotPaths = [\".well-known/x\"]", nil, `config.toml:2:1: publish.allowDotPaths: .well-known/x is not a name starting with "."`},
		{"NotAString", "[publish]\nallowDotPaths = [1]", nil, `config.toml:2:1: publish.allowDotPaths: 1 is not a name starting with "."`},
		{"Git", "[publish]\nallowDotPaths = [\".git\"]", nil, `config.toml:2:1: publish.allowDotPaths: ".git" may never be written by pages`},
		{"Marker", "[publish]\nallowDotPaths = [\".Quire-Build\"]", nil, `config.toml:2:1: publish.allowDotPaths: ".Quire-Build" may never be written by pages`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			cfg, _, err := load(t, tc.src)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("Load(%q) = %v", tc.src, err)
			case tc.wantErr != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.wantErr)):
				t.Fatalf("Load(%q) error = %v, want %q", tc.src, err, tc.wantErr)
			case tc.wantErr == "" && !slices.Equal(cfg.Publish.AllowDotPaths, tc.want):
				t.Errorf("AllowDotPaths = %q, want %q", cfg.Publish.AllowDotPaths, tc.want)
			}
		})
	}
}
