package markdown

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenFiles returns testdata/*.txtar.
func goldenFiles(t testing.TB) []string {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	return files
}

// section returns the named section of a, and whether it exists.
func section(a *txtar.Archive, name string) (string, bool) {
	for _, f := range a.Files {
		if f.Name == name {
			return string(f.Data), true
		}
	}
	return "", false
}

// setSection replaces or appends the named section.
func setSection(a *txtar.Archive, name, data string) {
	for i, f := range a.Files {
		if f.Name == name {
			a.Files[i].Data = []byte(data)
			return
		}
	}
	a.Files = append(a.Files, txtar.File{Name: name, Data: []byte(data)})
}

// TestGolden renders each testdata/*.txtar "input.md" (with Unsafe when the
// archive comment contains "unsafe: true") and compares want.html,
// headings ("level id text") and links ("line:col dest", images marked
// "image"; raw HTML places as "raw line:col").
func TestGolden(t *testing.T) {
	for _, file := range goldenFiles(t) {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			t.Parallel()
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			in, ok := section(a, "input.md")
			if !ok {
				t.Fatal("no input.md section")
			}
			unsafe := strings.Contains(string(a.Comment), "unsafe: true")
			res, err := New(Options{Unsafe: unsafe}).Render([]byte(in))
			if err != nil {
				t.Fatalf("Render: %v", err)
			}
			got := map[string]string{
				"want.html": string(res.HTML),
				"headings":  formatHeadings(res),
				"links":     formatLinks(res),
			}
			names := []string{"want.html", "headings", "links"}
			if *update {
				for _, n := range names {
					setSection(a, n, got[n])
				}
				if err := os.WriteFile(file, txtar.Format(a), 0o666); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, n := range names {
				want, ok := section(a, n)
				if !ok {
					t.Errorf("no %s section (run go test -update)", n)
					continue
				}
				if g := fixNL(got[n]); g != want && !(got[n] == "" && want == "") {
					t.Errorf("%s: got\n%s\nwant\n%s", n, got[n], want)
				}
			}
		})
	}
}

func formatHeadings(res Result) string {
	var b strings.Builder
	for _, h := range res.Headings {
		fmt.Fprintf(&b, "%d %s %s\n", h.Level, h.ID, h.Text)
	}
	return b.String()
}

func formatLinks(res Result) string {
	var b strings.Builder
	for _, l := range res.Links {
		fmt.Fprintf(&b, "%d:%d %s", l.Pos.Line, l.Pos.Col, l.Dest)
		if l.Image {
			b.WriteString(" image")
		}
		b.WriteByte('\n')
	}
	for _, p := range res.RawHTML {
		fmt.Fprintf(&b, "raw %d:%d\n", p.Line, p.Col)
	}
	return b.String()
}

// fixNL ends s with a newline unless it is empty, as txtar stores sections.
func fixNL(s string) string {
	if s == "" || strings.HasSuffix(s, "\n") {
		return s
	}
	return s + "\n"
}
