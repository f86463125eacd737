package linkcheck

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestHostHeaders: a host's configured headers go on every request to
// that host, and on no request to another host, not even the hop of a
// redirect away from it; the configured User-Agent is replaced.
func TestHostHeaders(t *testing.T) {
	t.Parallel()
	const token = "Bearer s3cr3t"
	var mu sync.Mutex
	seen := map[string][]http.Header{} // by lower-case host name
	fake := DoerFunc(func(r *http.Request) (*http.Response, error) {
		mu.Lock()
		h := strings.ToLower(r.URL.Hostname())
		seen[h] = append(seen[h], r.Header.Clone())
		mu.Unlock()
		resp := &http.Response{StatusCode: 200, Header: http.Header{}, Body: http.NoBody, Request: r}
		if r.URL.Path == "/away" {
			resp.StatusCode = http.StatusFound
			resp.Header.Set("Location", "https://elsewhere.example/landing")
		}
		return resp, nil
	})
	links := []Result{
		{URL: "https://api.example/a", Kind: External},
		{URL: "https://API.example:443/b", Kind: External},
		{URL: "https://api.example/away", Kind: External},
		{URL: "https://elsewhere.example/c", Kind: External},
	}
	hosts := map[string]HostRule{"api.example": {Headers: http.Header{"Authorization": {token}, "User-Agent": {"my-bot"}}}}
	NewChecker(ExternalOptions{Doer: fake, Hosts: hosts, AfterFunc: neverFires, Sleep: (&sleeps{}).sleep}).Check(context.Background(), links)
	for _, r := range links {
		if r.Outcome != OK {
			t.Errorf("%s: %s %s", r.URL, r.Outcome, r.Reason)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(seen["api.example"]) != 3 {
		t.Errorf("%d requests to api.example, want 3", len(seen["api.example"]))
	}
	for _, h := range seen["api.example"] {
		if h.Get("Authorization") != token || h.Get("User-Agent") != "my-bot" {
			t.Errorf("request to api.example with Authorization %q, User-Agent %q; want the configured ones", h.Get("Authorization"), h.Get("User-Agent"))
		}
	}
	if len(seen["elsewhere.example"]) != 2 {
		t.Fatalf("%d requests to elsewhere.example, want 2 (a link and a redirect's hop)", len(seen["elsewhere.example"]))
	}
	for _, h := range seen["elsewhere.example"] {
		if h.Get("Authorization") != "" || h.Get("User-Agent") == "my-bot" {
			t.Errorf("request to elsewhere.example carried api.example's headers: %v", h)
		}
	}
}

// TestHostHeadersNeverReported: a secret in a host's headers appears in
// no result, no report format and not in the cache file, whatever the
// outcome (ok and cached, refused, broken, timed out).
func TestHostHeadersNeverReported(t *testing.T) {
	t.Parallel()
	const secret = "s3cr3t-token-value"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer "+secret {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		switch r.URL.Path {
		case "/gone":
			http.NotFound(w, r)
		case "/moved":
			http.Redirect(w, r, "/ok", http.StatusMovedPermanently)
		case "/busy":
			w.Header().Set("Retry-After", "3600")
			w.WriteHeader(http.StatusTooManyRequests)
		}
	}))
	t.Cleanup(srv.Close)
	path := filepath.Join(t.TempDir(), "cache.json")
	cache, err := OpenCache(path, time.Hour, nil)
	if err != nil {
		t.Fatal(err)
	}
	var links []Result
	for _, p := range []string{"/ok", "/gone", "/moved", "/busy"} {
		links = append(links, Result{URL: srv.URL + p, Kind: External, Sources: []Source{{File: "content/a.md", Line: 1, Column: 1}}})
	}
	hosts := map[string]HostRule{"127.0.0.1": {Headers: http.Header{"Authorization": {"Bearer " + secret}}}}
	NewChecker(ExternalOptions{Hosts: hosts, Cache: cache, MaxRetryAfter: time.Minute, AfterFunc: neverFires, Sleep: (&sleeps{}).sleep}).Check(context.Background(), links)
	if err := cache.Save(); err != nil {
		t.Fatal(err)
	}
	if links[0].URL != srv.URL+"/busy" || links[0].Outcome != Warning || links[1].Outcome != Error || links[3].Outcome != OK {
		t.Errorf("outcomes %v: the server did not see the header", links)
	}
	r := NewReport(nil, 0, links)
	for _, format := range Formats {
		var buf bytes.Buffer
		if err := r.Write(&buf, format); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(buf.String(), secret) {
			t.Errorf("format %s shows the secret:\n%s", format, buf.String())
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), secret) || !strings.Contains(string(data), srv.URL+"/ok") {
		t.Errorf("cache file holds the secret, or not the ok link:\n%s", data)
	}
}
