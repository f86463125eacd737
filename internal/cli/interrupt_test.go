package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildInterrupted: a build whose context is canceled (Ctrl-C) reports
// it plainly, exits 1 and leaves the output untouched.
func TestBuildInterrupted(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("config.toml", "")
	write("content/a.md", "---\ntitle: A\n---\nText.\n")

	var stderr bytes.Buffer
	env := Env{Stdout: &bytes.Buffer{}, Stderr: &stderr, Dir: dir}
	if code := run(context.Background(), env, []string{"build"}); code != exitOK {
		t.Fatalf("first build: exit %d: %s", code, stderr.String())
	}
	before, err := os.ReadFile(filepath.Join(dir, "public", "a", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	write("content/a.md", "---\ntitle: Changed\n---\nNew text.\n")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	stderr.Reset()
	if code := run(ctx, env, []string{"build"}); code != exitError {
		t.Errorf("interrupted build: exit %d, want %d", code, exitError)
	}
	if !strings.Contains(stderr.String(), "build interrupted; public/ left untouched") {
		t.Errorf("stderr = %q, want the interruption reported", stderr.String())
	}
	after, err := os.ReadFile(filepath.Join(dir, "public", "a", "index.html"))
	if err != nil || !bytes.Equal(before, after) {
		t.Errorf("output changed by an interrupted build (err %v)", err)
	}
}
