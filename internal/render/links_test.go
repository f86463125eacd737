package render

import (
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/quire-docs/quire/internal/content"
)

func TestLinkResolve(t *testing.T) {
	t.Parallel()
	ar := txtar.Parse([]byte(`
-- content/_index.md --
-- content/faq/_index.md --
-- content/faq/install.md --
-- content/faq/upgrade.md --
-- content/faq/diagram.png --
-- content/faq/sub/_index.md --
-- content/faq/sub/deep.md --
-- content/faq/setup/index.md --
-- content/faq/setup/shot.png --
-- content/guide.md --
---
slug: the-guide
---
`))
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: append([]byte("---\ntitle: T\n---\n"), f.Data...)}
		if f.Name == "content/guide.md" {
			fsys[f.Name] = &fstest.MapFile{Data: []byte("---\ntitle: G\nslug: the-guide\n---\n")}
		}
	}
	tree, _, err := content.Load(fsys, content.Options{Dir: "content"})
	if err != nil {
		t.Fatal(err)
	}
	page := map[string]*content.Page{}
	for _, p := range tree.Pages {
		page[p.Path] = p
	}
	for _, base := range []string{"/", "/docs/"} {
		ix := NewLinks(tree, base)
		for _, tc := range []struct {
			from, dest, want string // want "": kept as written
		}{
			{"faq/install.md", "upgrade.md", "faq/upgrade/"},
			{"faq/install.md", "./upgrade.md#rollback", "faq/upgrade/#rollback"},
			{"faq/install.md", "../guide.md", "the-guide/"},
			{"faq/install.md", "./sub/_index.md", "faq/sub/"},
			{"faq/install.md", "sub/", "faq/sub/"},
			{"faq/install.md", "sub/deep.md?x=1#a", "faq/sub/deep/?x=1#a"},
			{"faq/install.md", "diagram.png", "faq/diagram.png"},
			{"faq/setup/index.md", "shot.png", "faq/setup/shot.png"},
			{"faq/setup/index.md", "../install.md", "faq/install/"},
			{"faq/sub/_index.md", "deep.md", "faq/sub/deep/"},
			{"faq/_index.md", "install.md", "faq/install/"},
			{"_index.md", "faq/upgrade.md", "faq/upgrade/"},
			{"faq/install.md", "/faq/upgrade/", "faq/upgrade/"},
			{"faq/install.md", "/faq/upgrade/#x", "faq/upgrade/#x"},
			{"faq/install.md", "/faq/upgrade.md", "faq/upgrade/"},
			{"faq/install.md", "/faq/diagram.png", "faq/diagram.png"},
			{"faq/install.md", "#local", ""},
			{"faq/install.md", "https://example.com/x.md", ""},
			{"faq/install.md", "//example.com/x", ""},
			{"faq/install.md", "mailto:a@b.c", ""},
			{"faq/install.md", "missing.md", ""},
			{"faq/install.md", "/nowhere/", ""},
			{"faq/install.md", "../../outside.md", ""},
			{"faq/install.md", "../upgrade.md#rollback", "faq/upgrade/#rollback"}, // relative to the page URL, as in Hugo
			{"faq/install.md", "../sub/deep.md", "faq/sub/deep/"},
			{"faq/setup/index.md", "../install.md", "faq/install/"}, // source-relative wins
			{"faq/install.md", "../../guide.md", "the-guide/"},
			// As Hugo's link render hook reads what works neither from the
			// file nor from the URL: .Page.GetPage.
			{"faq/sub/deep.md", "../install/", "faq/install/"},
			{"faq/sub/deep.md", "../install/#step", "faq/install/#step"},
			{"faq/install.md", "upgrade", "faq/upgrade/"},
			{"faq/install.md", "Upgrade.md", "faq/upgrade/"},
			{"faq/sub/deep.md", "../../guide", "the-guide/"},
			{"faq/sub/deep.md", "faq/install", "faq/install/"},
			{"faq/install.md", "../upgrade/", ""},  // works from the URL
			{"faq/install.md", "../sub/deep", ""},  // works from the URL
			{"faq/sub/deep.md", "../nothing/", ""}, // no page anywhere
			{"faq/sub/deep.md", "sub", ""},         // no base-name lookup
		} {
			p := page[tc.from]
			if p == nil {
				t.Fatalf("no page %s", tc.from)
			}
			got, ok := ix.Resolve(p, tc.dest)
			want := ""
			if tc.want != "" {
				want = base + tc.want
			}
			if !ok {
				got = ""
			}
			if got != want {
				t.Errorf("base %s: resolve(%s, %q) = %q, want %q", base, tc.from, tc.dest, got, want)
			}
		}
	}
}
