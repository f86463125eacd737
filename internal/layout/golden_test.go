package layout

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden renders the fixture with the layouts/ files of each
// testdata/*.txtar archive as overrides and compares with its want/ files.
// The archive comment's "render:" lines list what to render: fixture
// pages by name, "404" and "alias"; a "site: untitled" line renders the
// fixture with an empty site title (the default).
func TestGolden(t *testing.T) {
	t.Parallel()
	archives, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(archives) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, path := range archives {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			t.Parallel()
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			overrides, want := fstest.MapFS{}, map[string][]byte{}
			for _, f := range ar.Files {
				if name, ok := strings.CutPrefix(f.Name, "layouts/"); ok {
					overrides[name] = &fstest.MapFile{Data: f.Data}
				} else if name, ok := strings.CutPrefix(f.Name, "want/"); ok {
					want[name] = f.Data
				}
			}
			var ofs fs.FS
			if len(overrides) > 0 {
				ofs = overrides
			}
			tmpl, err := New(ofs, "layouts")
			if err != nil {
				t.Fatalf("New: %v", err)
			}
			pages := fixture()
			if slices.Contains(strings.Split(string(ar.Comment), "\n"), "site: untitled") {
				pages["home"].Site.Title = ""
			}
			got := map[string][]byte{}
			for _, name := range renderNames(ar.Comment) {
				var buf bytes.Buffer
				switch name {
				case "404":
					err = tmpl.NotFound(&buf, pages["home"].Site)
				case "alias":
					err = Alias(&buf, "/docs/guide/install/?a=1&b=<2>")
				default:
					p, ok := pages[name]
					if !ok {
						t.Fatalf("%s: unknown page %q", path, name)
					}
					err = tmpl.Page(&buf, p)
				}
				if err != nil {
					t.Fatalf("render %s: %v", name, err)
				}
				got[name+".html"] = buf.Bytes()
			}
			if *update {
				var files []txtar.File
				for _, f := range ar.Files {
					if !strings.HasPrefix(f.Name, "want/") {
						files = append(files, f)
					}
				}
				for _, name := range renderNames(ar.Comment) {
					files = append(files, txtar.File{Name: "want/" + name + ".html", Data: got[name+".html"]})
				}
				ar.Files = files
				if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for name, g := range got {
				w, ok := want[name]
				if !ok {
					t.Errorf("%s: no want/%s (run go test -update)", path, name)
					continue
				}
				if !bytes.Equal(g, w) {
					t.Errorf("%s: render of %s differs from want/%s (run go test -update and review the diff)\ngot:\n%s", path, name, name, g)
				}
			}
		})
	}
}

// renderNames returns the names on the "render:" lines of comment.
func renderNames(comment []byte) []string {
	var names []string
	for _, line := range strings.Split(string(comment), "\n") {
		if rest, ok := strings.CutPrefix(line, "render:"); ok {
			names = append(names, strings.Fields(rest)...)
		}
	}
	return names
}
