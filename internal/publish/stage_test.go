package publish

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStageMatchesWrite writes the same files concurrently through a Stage
// and with Write: the two outputs are identical.
func TestStageMatchesWrite(t *testing.T) {
	t.Parallel()
	var fs []File
	for i := range 60 {
		fs = append(fs, File{Path: fmt.Sprintf("s%d/p%d/index.html", i%4, i), Data: []byte(fmt.Sprint(i)), Source: "src"})
	}
	fs = append(fs, files("index.html", "home", "css/a.css", "a")...)
	root := t.TempDir()
	viaWrite, viaStage := filepath.Join(root, "w"), filepath.Join(root, "s")
	if err := Write(viaWrite, fs); err != nil {
		t.Fatal(err)
	}
	if err := builders["Stage"](viaStage, fs); err != nil {
		t.Fatal(err)
	}
	if got, want := tree(t, viaStage), tree(t, viaWrite); !maps.Equal(got, want) {
		t.Errorf("Stage wrote %v, Write wrote %v", got, want)
	}
	if got := siblings(t, viaStage); len(got) != 1 || got[0] != "w" {
		t.Errorf("left beside the output: %v, want only the other output", got)
	}
	fi, err := os.Stat(filepath.Join(viaStage, "s1"))
	if err != nil || fi.Mode().Perm() != dirPerm {
		t.Errorf("staged directory mode = %v, %v, want %v", fi.Mode().Perm(), err, dirPerm)
	}
}

// TestStageAbortKeepsOldOutput aborts a replacement halfway: the old
// output is untouched and no staging directory is left.
func TestStageAbortKeepsOldOutput(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "public")
	if err := Write(dir, files("index.html", "v1")); err != nil {
		t.Fatal(err)
	}
	s := NewStage(dir)
	if err := s.Write(files("index.html", "v2")[0]); err != nil {
		t.Fatal(err)
	}
	s.Abort()
	if got := tree(t, dir); got["index.html"] != "v1" {
		t.Errorf("after Abort index.html = %q, want v1", got["index.html"])
	}
	if got := siblings(t, dir); len(got) != 0 {
		t.Errorf("after Abort beside the output: %v", got)
	}
	if err := s.Write(files("b.html", "b")[0]); err == nil {
		t.Error("Write after Abort succeeded")
	}
	if err := s.Commit(); err == nil {
		t.Error("Commit after Abort succeeded")
	}
}

// TestStageTouchesNothingUntilWrite: a Stage that is aborted before its
// first Write never creates anything, not even the output's parent.
func TestStageTouchesNothingUntilWrite(t *testing.T) {
	t.Parallel()
	parent := filepath.Join(t.TempDir(), "out")
	s := NewStage(filepath.Join(parent, "public"))
	s.Abort()
	if _, err := os.Stat(parent); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Stat(parent) = %v, want it not to exist", err)
	}
}

// TestStageRefusesForeignDir: the first Write into a directory quire did
// not create fails with a RefusalError, and nothing is written.
func TestStageRefusesForeignDir(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "public")
	put(t, dir, "notes.txt", "mine")
	s := NewStage(dir)
	var refusal *RefusalError
	if err := s.Write(files("index.html", "x")[0]); !errors.As(err, &refusal) {
		t.Fatalf("Write = %v, want a RefusalError", err)
	}
	if err := s.Commit(); !errors.As(err, &refusal) {
		t.Errorf("Commit = %v, want the same RefusalError", err)
	}
	if got := tree(t, dir); len(got) != 1 || got["notes.txt"] != "mine" {
		t.Errorf("foreign dir now holds %v", got)
	}
	if got := siblings(t, dir); len(got) != 0 {
		t.Errorf("beside the foreign dir: %v", got)
	}
}

func TestStageRejectsBadPaths(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "public")
	s := NewStage(dir)
	for _, p := range []string{"../x.html", "/abs.html", Marker, "a//b.html"} {
		if err := s.Write(File{Path: p, Source: "src"}); err == nil {
			t.Errorf("Write(%q) succeeded", p)
		}
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, dir); len(got) != 1 || got[Marker] == "" {
		t.Errorf("output = %v, want only the marker", got)
	}
}

// TestStageNeverReplacesCarriedEntry: a page written under the output's
// carried .git (an alias "/.git/") fails the Commit before the swap, and
// the output with its .git is as it was.
func TestStageNeverReplacesCarriedEntry(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "public")
	put(t, dir, Marker, "", ".git/HEAD", "ref: refs/heads/gh-pages", "index.html", "v1")
	s := NewStage(dir)
	for _, f := range []File{{Path: "index.html", Data: []byte("v2"), Source: "content/_index.md"},
		{Path: ".git/index.html", Data: []byte("redirect"), Source: "content/evil.md"}} {
		if err := s.Write(f); err != nil {
			t.Fatal(err)
		}
	}
	err := s.Commit()
	if err == nil || !strings.Contains(err.Error(), "content/evil.md: output .git would replace") || Touched(err) {
		t.Errorf("Commit = %v, want an error naming content/evil.md, before the swap", err)
	}
	want := map[string]string{Marker: "", ".git/HEAD": "ref: refs/heads/gh-pages", "index.html": "v1"}
	if got := tree(t, dir); !maps.Equal(got, want) {
		t.Errorf("output = %v, want it unchanged: %v", got, want)
	}
	if got := siblings(t, dir); len(got) != 0 {
		t.Errorf("beside the output: %v", got)
	}
}

// TestStageMarksItsOwnDotEntries: the Marker of a staged output lists the
// top-level dot-entries it wrote, so the next build replaces them.
func TestStageMarksItsOwnDotEntries(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "public")
	for _, v := range []string{"v1", "v2"} {
		s := NewStage(dir)
		if err := s.Write(File{Path: ".well-known/a.html", Data: []byte(v), Source: "content/a.md"}); err != nil {
			t.Fatal(err)
		}
		if err := s.Commit(); err != nil {
			t.Fatalf("build %s: %v", v, err)
		}
	}
	want := map[string]string{Marker: markerText + "owns: .well-known\n", ".well-known/a.html": "v2"}
	if got := tree(t, dir); !maps.Equal(got, want) {
		t.Errorf("output = %v, want %v", got, want)
	}
}
