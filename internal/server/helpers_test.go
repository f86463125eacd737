package server

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// writeSite writes the files of a txtar archive into a new directory.
func writeSite(t testing.TB, archive string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		writeFile(t, dir, f.Name, string(f.Data))
	}
	return dir
}

func writeFile(t testing.TB, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// newServer returns a server for the site at dir after its first build.
func newServer(t testing.TB, dir string, drafts bool) (*Server, *syncBuffer) {
	t.Helper()
	var log syncBuffer
	s := New(Options{Root: dir, Drafts: drafts, Log: &log})
	if _, err := s.Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s, &log
}

// syncBuffer is a bytes.Buffer that Run's goroutine may write while the
// test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// build rebuilds and returns the result.
func build(t testing.TB, s *Server) Result {
	t.Helper()
	r, err := s.Build(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// response is a recorded response.
type response struct {
	Code   int
	Header http.Header
	Body   string
}

// do sends a request with the raw target (which may hold anything a
// request line can) straight to the handler, for Host 127.0.0.1:1313
// unless hdr sets another.
func do(t testing.TB, s *Server, method, target string, hdr ...string) response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	req.Host = "127.0.0.1:1313"
	for i := 0; i+1 < len(hdr); i += 2 {
		if hdr[i] == "Host" {
			req.Host = hdr[i+1]
			continue
		}
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return response{Code: res.StatusCode, Header: res.Header, Body: string(body)}
}

func get(t testing.TB, s *Server, target string) response {
	t.Helper()
	return do(t, s, http.MethodGet, target)
}

// stripInjected removes what the server adds to HTML pages.
func stripInjected(body string) string {
	if i := strings.Index(body, `<div id="quire-overlay"`); i >= 0 {
		if j := strings.Index(body[i:], `<script data-quire-livereload>`); j >= 0 {
			body = body[:i] + body[i+j:]
		}
	}
	if i := strings.Index(body, `<script data-quire-livereload>`); i >= 0 {
		if j := strings.Index(body[i:], `</script>`); j >= 0 {
			body = body[:i] + body[i+j+len(`</script>`):]
		}
	}
	return body
}

const basicSite = `
-- config.toml --
title = "Test Docs"
[params]
secret = "TOPSECRET-CONFIG"
-- content/_index.md --
---
title: Home
---
Welcome home.
-- content/docs/_index.md --
---
title: Docs
---
All the docs.
-- content/docs/a.md --
---
title: Alpha
weight: 1
---
Alpha text.
-- content/docs/b.md --
---
title: Beta
weight: 2
---
Beta text, see [alpha](a.md).
-- content/docs/draft.md --
---
title: Unfinished
draft: true
weight: 3
---
Draft text.
-- content/docs/diagram.png --
` + "\x89PNG\r\n\x1a\n" + `
-- content/docs/data.json --
{"a": 1}
-- content/docs/notes.xyz --
plain notes
-- assets/js/extra.js --
console.log("x");
`

// startRun runs s.Run until stop is called or the test ends, and returns
// once Run watches the sources.
func startRun(t testing.TB, s *Server) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	stop = sync.OnceFunc(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	t.Cleanup(stop)
	select {
	case <-s.ready:
	case err := <-done:
		t.Fatalf("Run: %v", err)
	}
	return stop
}
