package site

import (
	"slices"
	"strings"
	"testing"
)

// TestPageLimits: a partial, a shortcode or a template that writes without
// end fails the build with an error naming the page and the template, at
// config maxPageBytes or timeout. Each never ends, so reaching the limit
// is the only outcome; other pages may fail too under a 1ms timeout on a
// slow machine, so only the presence of the page's error is asserted.
func TestPageLimits(t *testing.T) {
	t.Parallel()
	const page = "-- content/x.md --\n---\ntitle: X\n---\nText.\n"
	const loop = `{{ range 100000000000 }}0123456789{{ end }}`
	tests := []struct {
		name, archive, want string
	}{
		{"PartialBytes", "-- config.toml --\nmaxPageBytes = 65536\n" + page +
			"-- layouts/_default/single.html --\n{{ define \"main\" }}{{ partial \"y.html\" . }}{{ end }}\n" +
			"-- layouts/partials/y.html --\n" + loop + "\n",
			"content/x.md: rendering with layouts/partials/y.html: output exceeds 64 KiB (limit maxPageBytes)"},
		{"ShortcodeBytes", "-- config.toml --\nmaxPageBytes = 1048576\n" +
			"-- content/s.md --\n---\ntitle: S\n---\n" +
			strings.Repeat("{{< twice >}}", 40) + "x" + strings.Repeat("{{< /twice >}}", 40) + "\n" +
			"-- layouts/shortcodes/twice.html --\n{{ .Inner }}{{ .Inner }}\n",
			`content/s.md:4:274: shortcode "twice": rendering with layouts/shortcodes/twice.html: output exceeds 1 MiB (limit maxPageBytes)`},
		{"Timeout", "-- config.toml --\ntimeout = \"1ms\"\n" + page +
			"-- layouts/_default/single.html --\n<!doctype html>" + loop + "\n",
			"content/x.md: rendering with layouts/_default/single.html: not done after 1ms (limit timeout)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := buildTxtar(t, tt.archive, Options{})
			if got := errorLines(err); !slices.Contains(got, tt.want) {
				t.Errorf("errors:\n%s\nwant among them:\n%s", strings.Join(got, "\n"), tt.want)
			}
		})
	}
}
