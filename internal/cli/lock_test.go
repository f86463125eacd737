//go:build unix

package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/quire-docs/quire/internal/publish"
)

// signalWriter is a goroutine-safe buffer that sends on ch the first time
// its content contains want.
type signalWriter struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	want string
	ch   chan struct{}
}

func (w *signalWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	had := strings.Contains(w.buf.String(), w.want)
	w.buf.Write(p)
	if !had && strings.Contains(w.buf.String(), w.want) {
		close(w.ch)
	}
	return len(p), nil
}

func (w *signalWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// TestBuildWaitsForBuildIntoSameOutput: while another build holds the
// output's lock, quire build says which process it waits for, and builds
// once the lock is released.
func TestBuildWaitsForBuildIntoSameOutput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, data := range map[string]string{"config.toml": "", "content/a.md": "---\ntitle: A\n---\nText.\n"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	unlock, err := publish.Lock(context.Background(), filepath.Join(dir, "public"), nil)
	if err != nil {
		t.Fatal(err)
	}
	stderr := &signalWriter{want: "waiting for", ch: make(chan struct{})}
	env := Env{Stdout: &bytes.Buffer{}, Stderr: stderr, Dir: dir}
	done := make(chan int, 1)
	go func() { done <- run(context.Background(), env, []string{"build"}) }()
	select {
	case <-stderr.ch:
	case code := <-done:
		t.Fatalf("build finished (exit %d) without waiting for the output's lock: %s", code, stderr.String())
	}
	want := "quire build: waiting for process " + strconv.Itoa(os.Getpid()) + ", which is building into public/ too"
	if !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr = %q, want %q", stderr.String(), want)
	}
	select {
	case code := <-done:
		t.Fatalf("build finished (exit %d) while another held the output's lock", code)
	default:
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Errorf("public/ exists while the build waits: %v", err)
	}
	unlock()
	if code := <-done; code != exitOK {
		t.Fatalf("build after the lock was released: exit %d: %s", code, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "a", "index.html")); err != nil {
		t.Error(err)
	}
}
