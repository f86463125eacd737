package site

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/quire-docs/quire/internal/config"
)

// TestCacheDraftLinks: quire serve's builds say a link names a draft,
// and keep saying what is true as the draft changes while the site's
// files stay the same: its slug (the URL the link gets), and why it is
// left out (a draft, then a page never rendered).
func TestCacheDraftLinks(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"config.toml":           {Data: []byte("title = \"T\"\n")},
		"content/a.md":          page("A", "[b](b.md) and [c](/sec/c/)\n"),
		"content/b.md":          {Data: []byte("---\ntitle: B\ndraft: true\n---\n")},
		"content/sec/_index.md": {Data: []byte("---\ntitle: Sec\ndraft: true\n---\n")},
		"content/sec/c.md":      page("C", ""),
	}
	cache := NewCache()
	reasons := func(s *Site) string {
		var out []string
		for _, w := range s.Warnings {
			out = append(out, w.Msg)
		}
		return strings.Join(out, "\n")
	}
	s, _ := cachedBuild(t, fsys, cache)
	for _, want := range []string{
		`broken link "b.md": /b/ is a draft (content/b.md: draft: true); build with --drafts, or publish it`,
		`broken link "/sec/c/": /sec/c/ is in a draft section (content/sec/_index.md: draft: true); build with --drafts, or publish it`,
	} {
		if !strings.Contains(reasons(s), want) {
			t.Errorf("warnings lack %q:\n%s", want, reasons(s))
		}
	}

	fsys["content/b.md"] = &fstest.MapFile{Data: []byte("---\ntitle: B\ndraft: true\nslug: bee\n---\n")}
	s, _ = cachedBuild(t, fsys, cache)
	if want := `broken link "b.md": /bee/ is a draft`; !strings.Contains(reasons(s), want) {
		t.Errorf("after the slug changed, warnings lack %q:\n%s", want, reasons(s))
	}

	// Not cachedBuild: its count of rendered pages leaves out a page
	// never rendered, which the cache counts as reused.
	fsys["content/b.md"] = &fstest.MapFile{Data: []byte("---\ntitle: B\nslug: bee\nbuild: {render: never}\n---\n")}
	cfg, _, err := config.Parse(fsys["config.toml"].Data)
	if err != nil {
		t.Fatal(err)
	}
	s, err = Build(context.Background(), fsys, cfg, Options{Cache: cache, Links: LinksWarn})
	if err != nil {
		t.Fatal(err)
	}
	if want := `broken link "b.md": /bee/ is not rendered (content/b.md: build.render: never)`; !strings.Contains(reasons(s), want) {
		t.Errorf("after the draft became a page never rendered, warnings lack %q:\n%s", want, reasons(s))
	}
}
