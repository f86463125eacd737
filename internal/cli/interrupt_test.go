package cli

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/linkcheck"
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

// TestLinkcheckInterrupted: a link check interrupted (Ctrl-C) while an
// external request hangs saves the ok results checked so far to the
// cache and exits 130. The interruption comes when the ok link's result
// is final, so the test does not depend on timing.
func TestLinkcheckInterrupted(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/hang" {
			<-r.Context().Done() // until the client gives up
		}
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	for name, data := range map[string]string{
		"config.toml":  "[linkcheck]\ntimeout = \"1h\"\n", // no timeout on a loaded machine
		"content/a.md": "---\ntitle: A\n---\n[ok](" + srv.URL + "/ok) [hang](" + srv.URL + "/hang)\n",
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr bytes.Buffer
	env := Env{Stdout: &stdout, Stderr: &stderr, Dir: dir}
	o := linkcheckFlags{format: "text", environment: "production", checked: func(r linkcheck.Result) {
		if strings.HasSuffix(r.URL, "/ok") {
			cancel() // Ctrl-C once /ok is checked, while /hang hangs
		}
	}}
	err := runLinkcheck(ctx, env, o)
	var status exitStatus
	if !errors.As(err, &status) || status != 130 {
		t.Errorf("interrupted linkcheck: %v, want exit status 130", err)
	}
	if !strings.Contains(stderr.String(), "linkcheck interrupted") {
		t.Errorf("stderr = %q, want the interruption reported", stderr.String())
	}
	data, err := os.ReadFile(filepath.Join(dir, ".quire", "linkcache.json"))
	if err != nil {
		t.Fatalf("no cache saved: %v", err)
	}
	if !strings.Contains(string(data), srv.URL+"/ok") || strings.Contains(string(data), "/hang") {
		t.Errorf("cache = %s, want the ok link only", data)
	}
}
