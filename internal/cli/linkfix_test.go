package cli

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLinkcheckFixCRLF: --fix finds the destination's bytes in a file
// with a BOM, front matter, CRLF line endings and multi-byte characters
// before the link on its line, from the positions the build gives, and
// changes those bytes alone (the whole file is compared). The server is
// on 127.0.0.1: /moved redirects permanently (308) to /ok.
func TestLinkcheckFixCRLF(t *testing.T) {
	t.Parallel()
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(http.ResponseWriter, *http.Request) {})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/ok", http.StatusPermanentRedirect)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	crlf := func(s string) string {
		return strings.ReplaceAll(strings.ReplaceAll(s, "$S", srv.URL), "\n", "\r\n")
	}
	before := crlf("\ufeff---\ntitle: \"Café\"\n---\n# Ünïcödé\n\nCafé ☕ — [a]($S/moved 'tïtle') «<$S/moved>»\n[r]: é\n\n[b][ré] ✓\n\n[ré]: $S/moved\n")
	want := crlf("\ufeff---\ntitle: \"Café\"\n---\n# Ünïcödé\n\nCafé ☕ — [a]($S/ok 'tïtle') «<$S/ok>»\n[r]: é\n\n[b][ré] ✓\n\n[ré]: $S/ok\n")
	dir := t.TempDir()
	for name, data := range map[string]string{"config.toml": "", "content/a.md": before} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	env := Env{Stdout: &stdout, Stderr: &stderr, Dir: dir}
	if code := run(context.Background(), env, []string{"linkcheck", "--fix", "--dry-run", "--no-cache"}); code != exitOK {
		t.Fatalf("linkcheck --fix --dry-run: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	if !strings.Contains(stdout.String(), "+Café ☕ — [a]("+srv.URL+"/ok 'tïtle') «<"+srv.URL+"/ok>»\r\n") {
		t.Errorf("--dry-run's diff lacks the rewritten line:\n%s", stdout.String())
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "content/a.md")); string(got) != before {
		t.Errorf("--dry-run changed the file:\n%q", got)
	}
	stdout.Reset()
	stderr.Reset()
	if code := run(context.Background(), env, []string{"linkcheck", "--fix", "--no-cache"}); code != exitOK {
		t.Fatalf("linkcheck --fix: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	got, err := os.ReadFile(filepath.Join(dir, "content/a.md"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("file after --fix:\n%q\nwant:\n%q\nstderr:\n%s", got, want, stderr.String())
	}
}
