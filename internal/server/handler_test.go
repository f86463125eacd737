package server

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"sort"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/site"
)

// fileURL returns the URL of some served file whose name ends in ext.
func fileURL(t *testing.T, s *Server, ext string) string {
	t.Helper()
	var names []string
	for name := range s.state.Load().files {
		if path.Ext(name) == ext {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		t.Fatalf("no %s file built", ext)
	}
	sort.Strings(names)
	return "/" + names[0]
}

func TestContentTypes(t *testing.T) {
	t.Parallel()
	s, _ := newServer(t, writeSite(t, basicSite), false)
	for _, tc := range []struct{ target, want string }{
		{"/", "text/html; charset=utf-8"},
		{"/docs/a/", "text/html; charset=utf-8"},
		{"/docs/a/index.html", "text/html; charset=utf-8"},
		{"/sitemap.xml", "application/xml; charset=utf-8"},
		{"/robots.txt", "text/plain; charset=utf-8"},
		{"/docs/diagram.png", "image/png"},
		{"/docs/data.json", "application/json"},
		{"/docs/notes.xyz", "text/plain; charset=utf-8"}, // sniffed
		{fileURL(t, s, ".css"), "text/css; charset=utf-8"},
		{fileURL(t, s, ".js"), "text/javascript; charset=utf-8"},
		{"/nope/", "text/html; charset=utf-8"}, // the 404 page
	} {
		r := get(t, s, tc.target)
		if got := r.Header.Get("Content-Type"); got != tc.want {
			t.Errorf("GET %s: Content-Type %q, want %q", tc.target, got, tc.want)
		}
		if got := r.Header.Get("Cache-Control"); got != "no-cache" {
			t.Errorf("GET %s: Cache-Control %q, want no-cache", tc.target, got)
		}
		if got := r.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("GET %s: X-Content-Type-Options %q, want nosniff", tc.target, got)
		}
	}
}

// TestLiveReloadScriptOnlyInHTML: every HTML response carries the script;
// nothing else does, and quire build's files never do.
func TestLiveReloadScriptOnlyInHTML(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, basicSite)
	s, _ := newServer(t, dir, false)
	for name := range s.state.Load().files {
		r := get(t, s, "/"+name)
		has := strings.Contains(r.Body, "<script data-quire-livereload>")
		if html := strings.HasPrefix(r.Header.Get("Content-Type"), "text/html"); has != html {
			t.Errorf("GET /%s (%s): live-reload script present = %v", name, r.Header.Get("Content-Type"), has)
		}
	}
	if r := get(t, s, "/missing"); !strings.Contains(r.Body, livereloadPath) {
		t.Errorf("404 page lacks the live-reload script")
	}
	cfg, _, _, err := config.LoadSite(dir, "production")
	if err != nil {
		t.Fatal(err)
	}
	built, err := site.Build(context.Background(), os.DirFS(dir), cfg, site.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range built.Files {
		if strings.Contains(string(f.Data), "_quire") {
			t.Errorf("quire build output %s mentions _quire", f.Path)
		}
	}
}

func TestNotFoundPage(t *testing.T) {
	t.Parallel()
	s, _ := newServer(t, writeSite(t, basicSite), false)
	want := stripInjected(get(t, s, "/404.html").Body)
	for _, target := range []string{"/nope/", "/docs/nope", "/docs/a/extra/", "/404"} {
		r := get(t, s, target)
		if r.Code != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", target, r.Code)
		}
		if got := stripInjected(r.Body); got != want || !strings.Contains(got, "Page not found") {
			t.Errorf("GET %s: body is not the site's 404.html:\n%s", target, r.Body)
		}
	}
}

// TestTraversal: nothing outside the built site is reachable, however the
// path is written; every attempt is a 404.
func TestTraversal(t *testing.T) {
	t.Parallel()
	s, _ := newServer(t, writeSite(t, basicSite), false)
	targets := []string{
		"/../config.toml",
		"/docs/../../config.toml",
		"/%2e%2e/config.toml",
		"/%2E%2E/%2e%2e/config.toml",
		"/docs/%2e%2e/%2e%2e/config.toml",
		"/.%2e/config.toml",
		"/..%2fconfig.toml",
		"/docs%2f..%2f..%2fconfig.toml",
		"/docs%2Fa%2F",
		"/..\\config.toml",
		"/docs\\..\\..\\config.toml",
		"/%5c..%5cconfig.toml",
		"/docs/a%5c",
		"//etc/passwd",
		"/etc/passwd",
		"/config.toml",
		"/content/docs/a.md",
		"/C:/Windows/win.ini",
		"/./docs/a/",
		"/docs/./a/",
		"/docs//a/",
		"/docs/a/%00",
		"/%00../config.toml",
	}
	for _, target := range targets {
		r := get(t, s, target)
		if r.Code != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", target, r.Code)
		}
		if strings.Contains(r.Body, "TOPSECRET") || strings.Contains(r.Body, "root:") {
			t.Errorf("GET %s: leaked a file outside the site", target)
		}
	}

	// The same over a real connection, so nothing between the client and
	// the handler cleans the path into something else first.
	ts := httptest.NewServer(s)
	defer ts.Close()
	for _, target := range targets {
		if strings.ContainsAny(target, "\\") {
			continue // not a valid request-line character for net/http's client side either
		}
		conn, err := net.Dial("tcp", ts.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", target)
		res, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("GET %s over TCP: %v", target, err)
		}
		body, _ := io.ReadAll(res.Body)
		conn.Close()
		if res.StatusCode != http.StatusNotFound && res.StatusCode != http.StatusBadRequest {
			t.Errorf("GET %s over TCP: status %d, want 404", target, res.StatusCode)
		}
		if strings.Contains(string(body), "TOPSECRET") {
			t.Errorf("GET %s over TCP: leaked config.toml", target)
		}
	}
}

func TestMethods(t *testing.T) {
	t.Parallel()
	s, _ := newServer(t, writeSite(t, basicSite), false)
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"} {
		r := do(t, s, m, "/docs/a/")
		if r.Code != http.StatusMethodNotAllowed || r.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s /docs/a/: status %d, Allow %q; want 405 with Allow: GET, HEAD", m, r.Code, r.Header.Get("Allow"))
		}
	}
	g := get(t, s, "/docs/a/")
	h := do(t, s, http.MethodHead, "/docs/a/")
	if h.Code != http.StatusOK || h.Body != "" {
		t.Errorf("HEAD /docs/a/: status %d, %d body bytes; want 200 and no body", h.Code, len(h.Body))
	}
	if h.Header.Get("Content-Length") != fmt.Sprint(len(g.Body)) || h.Header.Get("Content-Type") != g.Header.Get("Content-Type") {
		t.Errorf("HEAD headers %v differ from GET's %v", h.Header, g.Header)
	}
	if h := do(t, s, http.MethodHead, "/nope/"); h.Code != http.StatusNotFound || h.Body != "" {
		t.Errorf("HEAD /nope/: status %d, %d body bytes; want 404 and no body", h.Code, len(h.Body))
	}
}

func TestDirectoryURLs(t *testing.T) {
	t.Parallel()
	s, _ := newServer(t, writeSite(t, basicSite), false)
	for target, want := range map[string]string{
		"/docs/a":     "/docs/a/",
		"/docs":       "/docs/",
		"/docs/a?x=1": "/docs/a/?x=1",
	} {
		r := get(t, s, target)
		if r.Code != http.StatusFound || r.Header.Get("Location") != want {
			t.Errorf("GET %s: status %d, Location %q; want 302 to %s", target, r.Code, r.Header.Get("Location"), want)
		}
	}
	a := get(t, s, "/docs/a/")
	if a.Code != http.StatusOK || !strings.Contains(a.Body, "Alpha text.") {
		t.Errorf("GET /docs/a/: status %d, body lacks the page", a.Code)
	}
	if b := get(t, s, "/docs/a/index.html"); b.Body != a.Body {
		t.Errorf("/docs/a/index.html differs from /docs/a/")
	}
}

func TestBaseURLPath(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, strings.Replace(basicSite, `title = "Test Docs"`, "title = \"Test Docs\"\nbaseURL = \"https://example.org/manual/\"", 1))
	s, _ := newServer(t, dir, false)
	for target, want := range map[string]string{"/": "/manual/", "/manual": "/manual/"} {
		if r := get(t, s, target); r.Code != http.StatusFound || r.Header.Get("Location") != want {
			t.Errorf("GET %s: status %d, Location %q; want 302 to %s", target, r.Code, r.Header.Get("Location"), want)
		}
	}
	if r := get(t, s, "/manual/docs/a/"); r.Code != http.StatusOK || !strings.Contains(r.Body, `href="/manual/docs/b/"`) && !strings.Contains(r.Body, `href=/manual/docs/b/`) {
		t.Errorf("GET /manual/docs/a/: status %d, no link under the base path", r.Code)
	}
	if r := get(t, s, "/docs/a/"); r.Code != http.StatusNotFound {
		t.Errorf("GET /docs/a/ outside the base path: status %d, want 404", r.Code)
	}
}

// TestRevalidation: a browser's If-None-Match gets 304 until the next
// build, then the new page.
func TestRevalidation(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, basicSite)
	s, _ := newServer(t, dir, false)
	first := get(t, s, "/docs/a/")
	etag := first.Header.Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	if r := do(t, s, "GET", "/docs/a/", "If-None-Match", etag); r.Code != http.StatusNotModified {
		t.Errorf("revalidation: status %d, want 304", r.Code)
	}
	writeFile(t, dir, "content/docs/a.md", "---\ntitle: Alpha\nweight: 1\n---\nAlpha rewritten.\n")
	build(t, s)
	r := do(t, s, "GET", "/docs/a/", "If-None-Match", etag)
	if r.Code != http.StatusOK || !strings.Contains(r.Body, "Alpha rewritten.") {
		t.Errorf("after a rebuild: status %d, stale page", r.Code)
	}
}

func TestCleanPath(t *testing.T) {
	t.Parallel()
	for raw, want := range map[string]string{
		"/":           "/",
		"/docs/a/":    "/docs/a/",
		"/docs/a":     "/docs/a",
		"/caf%C3%A9/": "/café/",
		"/a%20b/":     "/a b/",
		"/..":         "",
		"/docs/..":    "",
		"/%2e%2e/":    "",
		"/%2e/":       "",
		"/a%2fb":      "",
		"/a%2Fb":      "",
		"/a%5cb":      "",
		"/a\\b":       "",
		"//a":         "",
		"/a//b":       "",
		"/a%00":       "",
		"/a%0a":       "",
		"/%zz":        "",
	} {
		u, err := url.ParseRequestURI(raw)
		if err != nil { // net/http answers 400 before any handler
			if want != "" {
				t.Errorf("ParseRequestURI(%q): %v", raw, err)
			}
			continue
		}
		got, ok := cleanPath(u)
		if !ok {
			got = ""
		}
		if got != want {
			t.Errorf("cleanPath(%q) = %q, %v; want %q", raw, got, ok, want)
		}
	}
}
