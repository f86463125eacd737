package publish

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWriteRefusesDotOnlyDirWithoutMarker: a directory holding only dot
// entries (a home directory's .bashrc) is not quire's: it is refused and
// left exactly as it was, the same inode with the same mode.
func TestWriteRefusesDotOnlyDirWithoutMarker(t *testing.T) {
	t.Parallel()
	home := filepath.Join(t.TempDir(), "home")
	put(t, home, ".bashrc", "alias ll='ls -l'", ".ssh/config", "Host *")
	if err := os.Chmod(home, 0o700); err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(home)
	if err != nil {
		t.Fatal(err)
	}
	err = Write(home, files("index.html", "x"))
	var re *RefusalError
	if !errors.As(err, &re) || !strings.Contains(err.Error(), "create an empty "+Marker+" file in it") {
		t.Fatalf("Write = %v, want a RefusalError with the marker hint", err)
	}
	after, err := os.Stat(home)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) || after.Mode() != before.Mode() {
		t.Errorf("refused dir changed: mode %v → %v, same file %v", before.Mode(), after.Mode(), os.SameFile(before, after))
	}
	want := map[string]string{".bashrc": "alias ll='ls -l'", ".ssh/config": "Host *"}
	if got := tree(t, home); len(got) != len(want) || got[".bashrc"] != want[".bashrc"] || got[".ssh/config"] != want[".ssh/config"] {
		t.Errorf("refused dir holds %v, want %v", got, want)
	}
	if s := siblings(t, home); len(s) != 0 {
		t.Errorf("left beside the refused dir: %v", s)
	}
}

// TestWriteIntoGhPagesWorktree: a directory holding dot entries and an
// empty Marker its owner created (a fresh gh-pages worktree) is accepted,
// and the entries survive.
func TestWriteIntoGhPagesWorktree(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	put(t, dir, ".git/HEAD", "ref: refs/heads/gh-pages\n", Marker, "")
	if err := Write(dir, []File{{Path: "index.html", Data: []byte("<p>hi"), Source: "test"}}); err != nil {
		t.Fatalf("Write into a marked dot-only dir: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
		t.Errorf("index.html not written: %v", err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, ".git", "HEAD")); err != nil || string(b) != "ref: refs/heads/gh-pages\n" {
		t.Errorf(".git/HEAD lost: %q, %v", b, err)
	}
}
