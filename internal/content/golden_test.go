package content

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// TestLoadGolden loads each testdata/*.txtar site (content/... files; a
// comment line "opts: drafts" sets Options.Drafts) and compares a dump of
// the result with the archive's "want" file. Run with -update to rewrite.
func TestLoadGolden(t *testing.T) {
	names, err := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, name := range names {
		t.Run(strings.TrimSuffix(filepath.Base(name), ".txtar"), func(t *testing.T) {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			a := txtar.Parse(data)
			opts := Options{Dir: "content", Drafts: bytes.Contains(a.Comment, []byte("opts: drafts"))}
			got := dump(loadTxtarOpts(t, string(data), opts))
			// Run it again: the result must not depend on anything but the input.
			if again := dump(loadTxtarOpts(t, string(data), opts)); again != got {
				t.Fatalf("Load is not deterministic:\n%s\nthen\n%s", got, again)
			}
			var want string
			found := false
			for i, f := range a.Files {
				if f.Name == "want" {
					want, found = string(f.Data), true
					a.Files[i].Data = []byte(got)
				}
			}
			if *update {
				if !found {
					a.Files = append(a.Files, txtar.File{Name: "want", Data: []byte(got)})
				}
				if err := os.WriteFile(name, txtar.Format(a), 0o666); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != want {
				t.Errorf("Load(%s) =\n%s\nwant\n%s\n(run go test -update to accept)", name, got, want)
			}
		})
	}
}
