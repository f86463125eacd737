package layout

import (
	"bytes"
	"io/fs"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"
)

// TestEveryThemeFileOverridable replaces each template of the embedded
// theme on its own, with a copy that writes a marker, and expects the
// marker in the pages that use the file while every other file still comes
// from the theme (the rest of the page is unchanged around it).
func TestEveryThemeFileOverridable(t *testing.T) {
	t.Parallel()
	layouts, err := fs.Sub(theme, "theme/layouts")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	err = fs.WalkDir(layouts, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return err
	})
	if err != nil || len(names) < 10 {
		t.Fatalf("theme templates: %q, %v", names, err)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			src, err := fs.ReadFile(layouts, name)
			if err != nil {
				t.Fatal(err)
			}
			marker := "<b>override of " + name + "</b>"
			text := string(src)
			switch {
			case strings.Contains(text, `{{ define "main" }}`):
				text = strings.Replace(text, `{{ define "main" }}`, `{{ define "main" }}`+marker, 1)
			case name == "_default/baseof.html":
				text = strings.Replace(text, "<body>", "<body>"+marker, 1)
			default:
				text = marker + text
			}
			tm := mustNew(t, fstest.MapFS{name: {Data: []byte(text)}})
			pages := fixture()
			var out string
			switch name {
			case "404.html":
				var buf bytes.Buffer
				if err := tm.NotFound(&buf, pages["home"].Site); err != nil {
					t.Fatal(err)
				}
				out = buf.String()
			case "_default/list.html":
				out = render(t, tm, pages["guide"])
			case "partials/page-meta-links.html":
				// Not used by the theme's pages: Docsy sites' shortcodes call it.
				h, err := tm.Partial(nil, pages["install"].Site, "page-meta-links", pages["install"])
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(string(h), marker) {
					t.Errorf("overriding %s: the marker is not in the partial:\n%s", name, h)
				}
				return
			case "partials/social-icon.html", "partials/site-file-url.html":
				// Used only when [params] names a social link or a file.
				pages["install"].Site.Params = map[string]any{"social": map[string]any{"github": "https://github.com/x"}, "logo": "logo.svg"}
				out = render(t, tm, pages["install"])
				if u, err := url.PathUnescape(out); err == nil {
					out = u // site-file-url.html writes into URL attributes
				}
			default:
				out = render(t, tm, pages["install"])
			}
			if !strings.Contains(out, marker) {
				t.Errorf("overriding %s: the marker is not on the page:\n%s", name, out)
			}
			if strings.Count(out, `class="skip-link"`) != 1 || !strings.Contains(out, "</html>") {
				t.Errorf("overriding %s lost the rest of the theme:\n%s", name, out)
			}
		})
	}
}
