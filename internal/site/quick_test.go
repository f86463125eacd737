package site

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/publish"
)

// TestQuickMatchesFull edits a site as a writer does in quire serve and
// builds after each edit with the files that changed: every build must be
// byte for byte what a full build of the same files gives (files,
// warnings, broken links), and must be quick exactly when the edit left
// every changed page's front matter alone.
func TestQuickMatchesFull(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"config.toml": {Data: []byte("title = 'Docs'\nbaseURL = 'https://example.org/docs/'\n")},
		// A list layout that shows every child's summary: section pages
		// read other pages' bodies.
		"layouts/_default/list.html":      {Data: []byte(`{{ define "main" }}{{ .Content }}<ul>{{ range .Pages }}<li>{{ .Title }}: {{ .Summary }}</li>{{ end }}</ul>{{ end }}`)},
		"layouts/shortcodes/include.html": {Data: []byte(`{{ with .Site.GetPage (.Get 0) }}{{ .Content }}{{ end }}`)},
		"content/_index.md":               page("Home", "Welcome.\n"),
		"content/docs/_index.md":          page("Docs", "All docs.\n"),
		"content/docs/a.md":               page("Alpha", "Alpha text.\n\n## Setup\n\nSee [beta's notes](b.md#notes).\n"),
		"content/docs/b.md":               page("Beta", "Beta text.\n\n## Notes\n\nBack to [setup](a.md#setup).\n"),
		"content/faq/_index.md":           &fstest.MapFile{Data: []byte("---\ntitle: FAQ\ntype: faq\n---\n")},
		"content/faq/general.md":          page("General", "## Is it fast?\n\nYes.\n"),
	}
	cache, files := NewCache(), content.NewFileCache()
	tick := 0
	write := func(name, data string) {
		tick++
		fsys[name] = &fstest.MapFile{Data: []byte(data), ModTime: time.Unix(int64(tick), 0)}
	}
	steps := []struct {
		name    string
		edit    func()
		changed []string
		quick   bool
		fails   bool
	}{
		{"Cold", func() {}, nil, false, false},
		{"Text", func() {
			write("content/docs/a.md", "---\ntitle: Alpha\n---\nAlpha text, edited.\n\n## Setup\n\nSee [beta's notes](b.md#notes).\n")
		},
			[]string{"content/docs/a.md"}, true, false},
		{"HeadingRenamed", func() {
			write("content/docs/b.md", "---\ntitle: Beta\n---\nBeta text.\n\n## Remarks\n\nBack to [setup](a.md#setup).\n")
		},
			[]string{"content/docs/b.md"}, true, false},
		{"RawHTML", func() {
			write("content/docs/b.md", "---\ntitle: Beta\n---\nBeta <b>bold</b> text.\n\n## Notes\n\nBack to [setup](a.md#setup).\n")
		},
			[]string{"content/docs/b.md"}, true, false},
		{"TwoPages", func() {
			write("content/docs/a.md", "---\ntitle: Alpha\n---\nAlpha again.\n\n## Setup\n\nSee [nowhere](missing.md).\n")
			write("content/faq/general.md", "---\ntitle: General\n---\n## Is it fast?\n\nVery.\n\n## Is it free?\n\nYes.\n")
		}, []string{"content/docs/a.md", "content/faq/general.md"}, true, false},
		{"TitleChanged", func() { write("content/docs/a.md", "---\ntitle: Alpha Two\n---\nAlpha again.\n") },
			[]string{"content/docs/a.md"}, false, false},
		{"TextAfterFull", func() { write("content/docs/a.md", "---\ntitle: Alpha Two\n---\nAlpha, once more.\n") },
			[]string{"content/docs/a.md"}, true, false},
		{"Shortcode", func() {
			write("content/docs/a.md", "---\ntitle: Alpha Two\n---\nSee {{< ref \"b.md#notes\" >}}.\n\n{{< include \"docs/b.md\" >}}\n")
		},
			[]string{"content/docs/a.md"}, true, false},
		// The page with the shortcode shows b's content and points at one
		// of its headings: editing b's text changes a's output.
		{"IncludedPageEdited", func() {
			write("content/docs/b.md", "---\ntitle: Beta\n---\nBeta, included and edited.\n\n## Notes\n\nBack to [setup](a.md#setup).\n")
		}, []string{"content/docs/b.md"}, true, false},
		{"RefAnchorGone", func() {
			write("content/docs/b.md", "---\ntitle: Beta\n---\nBeta, included and edited.\n\n## Other notes\n")
		}, []string{"content/docs/b.md"}, false, true}, // the ref's anchor is gone: an error
		{"RefAnchorBack", func() {
			write("content/docs/b.md", "---\ntitle: Beta\n---\nBeta, included and edited.\n\n## Notes\n")
		}, []string{"content/docs/b.md"}, false, false}, // after a failed build
		{"BackFromShortcode", func() { write("content/docs/a.md", "---\ntitle: Alpha Two\n---\nNo shortcode.\n") },
			[]string{"content/docs/a.md"}, true, false},
		{"TextAgain", func() { write("content/docs/b.md", "---\ntitle: Beta\n---\nBeta, plain.\n") },
			[]string{"content/docs/b.md"}, true, false},
		{"NewPage", func() { write("content/docs/c.md", "---\ntitle: Gamma\n---\nNew.\n") },
			[]string{"content/docs/c.md"}, false, false},
		{"Layout", func() {
			write("layouts/partials/footer.html", "<footer>new</footer>")
		}, []string{"layouts/partials/footer.html"}, false, false},
		{"BrokenFrontMatter", func() { write("content/docs/c.md", "---\ntitle: [Gamma\n---\nNew.\n") },
			[]string{"content/docs/c.md"}, false, true},
		{"Fixed", func() { write("content/docs/c.md", "---\ntitle: Gamma\n---\nFixed.\n") },
			[]string{"content/docs/c.md"}, false, false}, // a failed build keeps nothing to start from
		{"TextAfterFix", func() { write("content/docs/c.md", "---\ntitle: Gamma\n---\nFixed, then edited.\n") },
			[]string{"content/docs/c.md"}, true, false},
		{"SameText", func() { write("content/docs/c.md", "---\ntitle: Gamma\n---\nFixed, then edited.\n") },
			[]string{"content/docs/c.md"}, true, false},
		// The site's first formula needs KaTeX published: a full build.
		{"FirstMath", func() { write("content/docs/c.md", "---\ntitle: Gamma\n---\nNow \\(x^2\\).\n") },
			[]string{"content/docs/c.md"}, false, false},
		{"MoreMath", func() { write("content/docs/c.md", "---\ntitle: Gamma\n---\nNow \\(x^3\\).\n") },
			[]string{"content/docs/c.md"}, true, false},
		{"LastMathGone", func() { write("content/docs/c.md", "---\ntitle: Gamma\n---\nNo math.\n") },
			[]string{"content/docs/c.md"}, false, false},
	}
	for _, st := range steps {
		st.edit()
		cfg, _, err := config.Parse(fsys["config.toml"].Data)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Build(context.Background(), fsys, cfg, Options{Cache: cache, Files: files, Links: LinksWarn, Changed: st.changed})
		if (err != nil) != st.fails {
			t.Fatalf("%s: build error %v, want failure %v", st.name, err, st.fails)
		}
		if cache.Quick() != st.quick {
			t.Errorf("%s: quick = %v, want %v", st.name, cache.Quick(), st.quick)
		}
		if st.quick && err == nil && got.Deferred == nil {
			// The index holds every page's text: joining it on every
			// edit would cost a large site its fast reload.
			t.Errorf("%s: the quick rebuild joined the search index instead of leaving it to the first request", st.name)
		}
		if st.fails {
			continue
		}
		want, err := Build(context.Background(), fsys, cfg, Options{Links: LinksWarn})
		if err != nil {
			t.Fatalf("%s: full build: %v", st.name, err)
		}
		sameSite(t, st.name, got, want)
	}
}

// sameSite fails unless got and want have the same files, warnings and
// broken links.
func sameSite(t *testing.T, name string, got, want *Site) {
	t.Helper()
	files := got.Files
	if got.Deferred != nil {
		for _, f := range files {
			if got.Deferred.OwnsAny(f.Path) {
				t.Errorf("%s: file %s is in Files and deferred", name, f.Path)
			}
		}
		files = append(slices.Clone(files), got.Deferred.All()...)
		slices.SortFunc(files, func(a, b publish.File) int { return strings.Compare(a.Path, b.Path) })
	}
	if len(files) != len(want.Files) {
		t.Fatalf("%s: %d files, want %d", name, len(files), len(want.Files))
	}
	for i := range files {
		g, w := files[i], want.Files[i]
		if g.Path != w.Path || !bytes.Equal(g.Data, w.Data) || g.Source != w.Source {
			t.Fatalf("%s: file %s (from %s) differs from the full build's %s (from %s):\n%s\nwant:\n%s", name, g.Path, g.Source, w.Path, w.Source, g.Data, w.Data)
		}
	}
	if g, w := fmt.Sprint(got.Warnings), fmt.Sprint(want.Warnings); g != w {
		t.Errorf("%s: warnings\n%s\nwant\n%s", name, g, w)
	}
	if !reflect.DeepEqual(got.BrokenLinks, want.BrokenLinks) {
		t.Errorf("%s: broken links\n%v\nwant\n%v", name, got.BrokenLinks, want.BrokenLinks)
	}
	if got.Pages != want.Pages || got.Skipped != want.Skipped {
		t.Errorf("%s: %d pages, %d skipped; want %d, %d", name, got.Pages, got.Skipped, want.Pages, want.Skipped)
	}
}
