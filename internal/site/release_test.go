package site

import (
	"bytes"
	"context"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/sitetest"
)

// readsOthers is a footer addition that reads another page's body without
// changing any output: the template analysis cannot tell, so the build
// keeps every page's body until all pages are rendered.
const readsOthers = `{{ with .Site.Home }}{{ if false }}{{ .Content }}{{ end }}{{ end }}`

// withFooter returns fsys with the theme's footer partial followed by
// extra, as the site's own layouts/partials/footer.html.
func withFooter(t *testing.T, fsys fstest.MapFS, extra string) fstest.MapFS {
	t.Helper()
	footer, err := os.ReadFile("../layout/theme/layouts/partials/footer.html")
	if err != nil {
		t.Fatal(err)
	}
	out := maps.Clone(fsys)
	out["layouts/partials/footer.html"] = &fstest.MapFile{Data: append(footer, extra...)}
	return out
}

// buildBoth builds fsys once with pages released after their own render
// and once with every body kept (a footer that might read other bodies),
// streaming pages to an Output, and checks the two give the same files
// and warnings. It returns the released build.
func buildBoth(t *testing.T, fsys fstest.MapFS, cfg config.Config) *Site {
	t.Helper()
	build := func(fsys fstest.MapFS) (*Site, map[string][]byte) {
		var rec sitetest.Recorder
		s, err := Build(context.Background(), fsys, cfg, Options{Output: &rec})
		if err != nil {
			t.Fatal(err)
		}
		files := byPath(s.Files)
		maps.Copy(files, rec.Files)
		return s, files
	}
	lean, leanFiles := build(withFooter(t, fsys, ""))
	kept, keptFiles := build(withFooter(t, fsys, readsOthers))
	if lean.released != lean.Pages || lean.Pages == 0 {
		t.Errorf("released %d of %d pages' bodies, want all", lean.released, lean.Pages)
	}
	if kept.released != 0 {
		t.Errorf("released %d pages' bodies with a template that may read them, want 0", kept.released)
	}
	for _, p := range slices.Sorted(maps.Keys(keptFiles)) {
		if !bytes.Equal(leanFiles[p], keptFiles[p]) {
			t.Errorf("%s differs:\nreleased: %.300s\nkept:     %.300s", p, leanFiles[p], keptFiles[p])
		}
	}
	if len(leanFiles) != len(keptFiles) {
		t.Errorf("%d files released, %d kept", len(leanFiles), len(keptFiles))
	}
	if len(lean.Warnings) != len(kept.Warnings) {
		t.Errorf("%d warnings released, %d kept", len(lean.Warnings), len(kept.Warnings))
	}
	for i := range min(len(lean.Warnings), len(kept.Warnings)) {
		if a, b := lean.Warnings[i].Error(), kept.Warnings[i].Error(); a != b {
			t.Errorf("warning %d: released %q, kept %q", i, a, b)
		}
	}
	return lean
}

// TestReleasedBodiesSameOutput: releasing each page's body after its own
// render changes no byte of the output of the generated corpus (TOCs,
// code, links, search index, link check).
func TestReleasedBodiesSameOutput(t *testing.T) {
	t.Parallel()
	fsys, cfg := corpusFS(t, 120)
	buildBoth(t, fsys, cfg)
}

// TestReleasedBodiesShortcodes: pages that include other pages' content
// (before and after them in reading order, so some are included after
// they were released), take their TOC, and ref their anchors build the
// same with bodies released, and bad anchors are still reported.
func TestReleasedBodiesShortcodes(t *testing.T) {
	t.Parallel()
	page := func(title, weight, body string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\nweight: " + weight + "\n---\n" + body)}
	}
	fsys := fstest.MapFS{
		"layouts/shortcodes/include.html": {Data: []byte(`{{ with .Site.GetPage (.Get 0) }}{{ .Content }}{{ end }}`)},
		"layouts/shortcodes/toc.html":     {Data: []byte(`{{ with .Site.GetPage (.Get 0) }}{{ .TableOfContents }}{{ end }}`)},
		"content/_index.md":               page("Home", "1", "Home text.\n"),
		"content/faq/_index.md":           page("FAQ", "2", "## Why?\n\nBecause.\n"),
		"content/docs/a.md":               page("A", "1", "## Alpha\n\nAlpha text.\n\n{{< include \"/docs/z.md\" >}}\n"),
		"content/docs/z.md":               page("Z", "9", "## Zeta\n\nZeta text.\n"),
		"content/docs/y.md": page("Y", "8", "## Ypsilon\n\n{{< include \"/docs/a.md\" >}}\n\n{{< toc \"/docs/a.md\" >}}\n\n"+
			"[ok]({{< relref \"/docs/a.md#alpha\" >}})\n"),
	}
	for i := range 20 {
		fsys["content/docs/m"+string(rune('a'+i))+".md"] = page("M", "5", "## M\n\n{{< include \"/docs/a.md\" >}}\n")
	}
	cfg, _, err := config.Parse([]byte("title = \"T\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	buildBoth(t, fsys, cfg)

	fsys["content/docs/bad.md"] = page("Bad", "9", "[bad]({{< relref \"/docs/z.md#nope\" >}})\n")
	var errs [2][]string
	for i, extra := range []string{"", readsOthers} {
		_, err := Build(context.Background(), withFooter(t, fsys, extra), cfg, Options{Output: &sitetest.Recorder{}})
		errs[i] = errorLines(err)
	}
	if len(errs[0]) != 1 || !strings.Contains(errs[0][0], "#nope") || !slices.Equal(errs[0], errs[1]) {
		t.Errorf("errors with bodies released: %q, kept: %q; want the same one about #nope", errs[0], errs[1])
	}
}

// TestReleasedBodiesLinkPositions: a broken link written as raw HTML is
// traced to its place in the markdown from the page's file once its body
// was released, as it is with every body kept.
func TestReleasedBodiesLinkPositions(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"content/_index.md": {Data: []byte("---\ntitle: Home\n---\nHome.\n")},
		"content/a.md": {Data: []byte("---\ntitle: A\n---\n## Alpha\n\n[fine](b.md) and [gone](missing.md)\n\n" +
			"Text <a href=\"/nowhere/\">raw</a>\n")},
		"content/b.md": {Data: []byte("---\ntitle: B\n---\nB.\n")},
	}
	cfg, _, err := config.Parse([]byte("title = \"T\"\n[markup.goldmark.renderer]\nunsafe = true\n"))
	if err != nil {
		t.Fatal(err)
	}
	var errs [2][]string
	var released [2]int
	for i, extra := range []string{"", readsOthers} {
		s, err := Build(context.Background(), withFooter(t, fsys, extra), cfg, Options{Output: &sitetest.Recorder{}})
		errs[i], released[i] = errorLines(err), s.released
	}
	want := []string{
		`content/a.md:6:18: broken link "missing.md"`,
		`content/a.md:8:15: broken link "/nowhere/"`,
	}
	for _, w := range want {
		if !slices.ContainsFunc(errs[0], func(e string) bool { return strings.HasPrefix(e, w) }) {
			t.Errorf("errors with bodies released %q, want one starting %q", errs[0], w)
		}
	}
	if !slices.Equal(errs[0], errs[1]) || released[1] != 0 {
		t.Errorf("errors released %q, kept %q (released %v)", errs[0], errs[1], released)
	}
}
