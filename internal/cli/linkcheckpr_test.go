package cli

import (
	"testing"
	"time"

	"github.com/quire-docs/quire/internal/config"
)

func TestParseAge(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want time.Duration
	}{
		{"3d", 72 * time.Hour},
		{"1w", 7 * 24 * time.Hour},
		{"1w2d", 9 * 24 * time.Hour},
		{"1d12h", 36 * time.Hour},
		{"1.5d", 36 * time.Hour},
		{"36h", 36 * time.Hour},
		{"90m", 90 * time.Minute},
	} {
		if got, err := parseAge(tc.in); err != nil || got != tc.want {
			t.Errorf("parseAge(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, in := range []string{"", "d", "3", "soon", "3days", "1dw"} {
		if got, err := parseAge(in); err == nil {
			t.Errorf("parseAge(%q) = %v, want an error", in, got)
		}
	}
}

func TestLayoutsChanged(t *testing.T) {
	t.Parallel()
	cfg := config.Default()
	for _, tc := range []struct {
		name  string
		files []string
		want  bool
	}{
		{"PagesOnly", []string{"content/a.md", "content/b/index.md"}, false},
		{"Partial", []string{"layouts/partials/footer.html"}, true},
		{"Shortcode", []string{"layouts/shortcodes/x.html"}, true},
		{"Config", []string{"config.toml"}, true},
		{"ConfigDir", []string{"config/_default/params.toml"}, true},
		{"HugoConfig", []string{"hugo.yaml"}, true},
		{"Data", []string{"data/menu.yaml"}, true},
		{"Theme", []string{"themes/x/layouts/_default/baseof.html"}, true},
		{"LinkCacheAndOutput", []string{".quire/linkcache.json", "public/index.html", "README.md"}, false},
		{"NestedConfigNameIsNoConfig", []string{"content/config.toml"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := layoutsChanged(cfg, tc.files); got != tc.want {
				t.Errorf("layoutsChanged(%q) = %v, want %v", tc.files, got, tc.want)
			}
		})
	}
}
