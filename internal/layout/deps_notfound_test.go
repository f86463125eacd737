package layout

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestNotFoundReadsBodies checks the analysis of 404.html: links to other
// pages are fine, their bodies are not.
func TestNotFoundReadsBodies(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       bool
	}{
		{name: "embedded theme"},
		{name: "home link", text: `{{ define "main" }}<a href="{{ .Site.Home.RelPermalink }}">home</a>{{ end }}`},
		{name: "own empty content", text: `{{ define "main" }}{{ .Content }}{{ .TableOfContents }}{{ end }}`},
		{name: "home content", text: `{{ define "main" }}{{ .Site.Home.Content }}{{ end }}`, want: true},
		{name: "summaries", text: `{{ define "main" }}{{ range .Site.Pages }}{{ .Summary }}{{ end }}{{ end }}`, want: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var fsys fstest.MapFS
			if tt.text != "" {
				fsys = fstest.MapFS{"404.html": {Data: []byte(tt.text)}}
			}
			tmpl, err := New(fsys, "layouts")
			if err != nil {
				t.Fatal(err)
			}
			got, why := tmpl.NotFoundReadsBodies()
			if got != tt.want {
				t.Fatalf("NotFoundReadsBodies = %v (%s), want %v", got, why, tt.want)
			}
			if got && !strings.HasPrefix(why, "layouts/404.html") {
				t.Errorf("why = %q, want it to name layouts/404.html", why)
			}
		})
	}
}
