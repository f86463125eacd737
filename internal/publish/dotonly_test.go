package publish

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWriteIntoDotOnlyDir: a directory holding only dot entries (a fresh
// gh-pages worktree's .git) is accepted, and the entries survive.
func TestWriteIntoDotOnlyDir(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	if err := os.MkdirAll(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".git", "HEAD"), []byte("ref: refs/heads/gh-pages\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, []File{{Path: "index.html", Data: []byte("<p>hi"), Source: "test"}}); err != nil {
		t.Fatalf("Write into a dot-only dir: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
		t.Errorf("index.html not written: %v", err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, ".git", "HEAD")); err != nil || string(b) != "ref: refs/heads/gh-pages\n" {
		t.Errorf(".git/HEAD lost: %q, %v", b, err)
	}
}
