package layout

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/content"
)

// TestAliases: every alias of a page with a URL is a redirect page to the
// page's permalink, at the alias's output path, in page then alias order;
// an alias written twice makes one page, one that is not a path is a
// warning, and a page without a URL has no redirects.
func TestAliases(t *testing.T) {
	t.Parallel()
	pages := []*content.Page{
		{File: "content/a.md", Aliases: []string{"/old/a/", "old/a", "https://example.org/x/", "/old/a.html"}},
		{File: "content/hidden.md", Aliases: []string{"/old/hidden/"}, Build: content.Build{Render: content.RenderNever}},
		{File: "content/b.md", Aliases: []string{"/b-before/"}},
		{File: "content/c.md"},
	}
	views := []*Page{
		{Permalink: "https://example.org/docs/a/"},
		{Permalink: "https://example.org/docs/hidden/"},
		{Permalink: "https://example.org/docs/b/?x=<1>"},
		{Permalink: "https://example.org/docs/c/"},
	}
	files, ds := Aliases(pages, views)
	var got []string
	for _, f := range files {
		got = append(got, f.Path+" from "+f.Source)
	}
	want := []string{
		"old/a/index.html from content/a.md",
		"old/a.html from content/a.md",
		"b-before/index.html from content/b.md",
	}
	if !slices.Equal(got, want) {
		t.Errorf("files:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i, target := range []string{views[0].Permalink, views[0].Permalink, views[2].Permalink} {
		var page bytes.Buffer
		if err := Alias(&page, target); err != nil {
			t.Fatal(err)
		}
		if i < len(files) && !bytes.Equal(files[i].Data, page.Bytes()) {
			t.Errorf("%s:\n%s\nwant Alias's page to %s", files[i].Path, files[i].Data, target)
		}
	}
	var warns []string
	for _, d := range ds {
		warns = append(warns, d.Severity.String()+" "+d.Error())
	}
	wantWarns := []string{`warning content/a.md: alias "https://example.org/x/" is not a usable path; skipped (hint: write an alias as a path from the site root, such as /old/page/)`}
	if !slices.Equal(warns, wantWarns) {
		t.Errorf("diagnostics:\n%s\nwant\n%s", strings.Join(warns, "\n"), strings.Join(wantWarns, "\n"))
	}
}
