package sitetest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/publish"
)

func TestArchive(t *testing.T) {
	t.Parallel()
	fsys, cfg := Archive(t, "-- config.toml --\ntitle = \"T\"\n-- content/a.md --\nA\n")
	if cfg.Title != "T" || string(fsys["content/a.md"].Data) != "A\n" {
		t.Errorf("Archive: title %q, files %v", cfg.Title, fsys)
	}
	files := []publish.File{{Path: "a.html", Data: []byte("a")}}
	if File(t, files, "a.html") != "a" || !Has(files, "a.html") || Has(files, "b.html") {
		t.Error("File or Has wrong")
	}
	err := errors.Join(diag.Errorf("b.md", 2, 1, "second"), diag.Errorf("a.md", 1, 1, "first"))
	if got := ErrorLines(err); !slices.Equal(got, []string{"a.md:1:1: first", "b.md:2:1: second"}) {
		t.Errorf("ErrorLines = %q", got)
	}
	SameFiles(t, files, slices.Clone(files))
	var rec recordingTB
	SameFiles(&rec, files, []publish.File{{Path: "a.html", Data: []byte("b")}})
	if len(rec.errs) != 1 || !strings.Contains(rec.errs[0], "a.html differs") {
		t.Errorf("SameFiles of two different files reported %q", rec.errs)
	}
}

// recordingTB is a testing.TB that keeps the errors reported to it.
type recordingTB struct {
	testing.TB
	errs []string
}

func (r *recordingTB) Helper() {}
func (r *recordingTB) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func TestGitSite(t *testing.T) {
	t.Parallel()
	dir, git := GitSite(t, "-- content/a.md --\nA\n")
	git("", "init", "-q")
	git("", "add", ".")
	git("2024-01-02T03:04:05Z/2024-02-03T04:05:06Z", "commit", "-q", "-m", "first")
	out, err := os.ReadFile(filepath.Join(dir, "content", "a.md"))
	if err != nil || string(out) != "A\n" {
		t.Fatalf("content/a.md = %q, %v", out, err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".git")); err != nil {
		t.Fatal(err)
	}
}
