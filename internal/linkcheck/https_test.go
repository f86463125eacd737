package linkcheck

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// twinServers serves example.com over plain HTTP and over HTTPS from two
// local servers: the returned Doer dials example.com:80 and :443 to them
// (and nothing else), trusting the TLS server's certificate, which
// httptest issues for example.com. hits counts the requests per scheme
// and path.
func twinServers(t *testing.T, plain, secure http.Handler) (Doer, func(key string) int) {
	t.Helper()
	var mu sync.Mutex
	hits := map[string]int{}
	count := func(scheme string, h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			hits[scheme+" "+r.URL.Path]++
			mu.Unlock()
			h.ServeHTTP(w, r)
		})
	}
	ps := httptest.NewServer(count("http", plain))
	t.Cleanup(ps.Close)
	ts := httptest.NewTLSServer(count("https", secure))
	t.Cleanup(ts.Close)
	addrs := map[string]string{
		"example.com:80":  ps.Listener.Addr().String(),
		"example.com:443": ts.Listener.Addr().String(),
	}
	tr := ts.Client().Transport.(*http.Transport).Clone()
	tr.Proxy = nil
	tr.TLSClientConfig = tr.TLSClientConfig.Clone()
	tr.TLSClientConfig.ServerName = "example.com"
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		local, ok := addrs[addr]
		if !ok {
			return nil, fmt.Errorf("test dialer: no local server for %s", addr)
		}
		return (&net.Dialer{}).DialContext(ctx, network, local)
	}
	doer := &http.Client{Transport: tr, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return doer, func(key string) int {
		mu.Lock()
		defer mu.Unlock()
		return hits[key]
	}
}

func TestRequireHTTPS(t *testing.T) {
	t.Parallel()
	plain := http.NewServeMux()
	plain.HandleFunc("/both", func(w http.ResponseWriter, r *http.Request) {})
	plain.HandleFunc("/plainonly", func(w http.ResponseWriter, r *http.Request) {})
	plain.HandleFunc("/gone", http.NotFound)
	plain.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "https://example.com/moved", http.StatusMovedPermanently)
	})
	plain.HandleFunc("/found", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "https://example.com/found", http.StatusFound)
	})
	secure := http.NewServeMux()
	secure.HandleFunc("/both", func(w http.ResponseWriter, r *http.Request) {})
	secure.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {})
	secure.HandleFunc("/found", func(w http.ResponseWriter, r *http.Request) {})
	secure.HandleFunc("/plainonly", http.NotFound)

	for _, tc := range []struct {
		name, path string
		off        bool
		outcome    Outcome
		status     int
		reason     string
		hint       string
		twinHits   int // requests to https:// path
	}{
		{name: "TwinAnswersIsWarningWithFix", path: "/both", outcome: Warning, status: 200,
			reason: "plain HTTP, and the host serves HTTPS", hint: "use https://example.com/both", twinHits: 1},
		{name: "PermanentRedirectToHTTPSNeedsNoTwinRequest", path: "/moved", outcome: Warning, status: 200,
			reason: "redirects to https://example.com/moved", hint: "link https://example.com/moved directly", twinHits: 1},
		{name: "TemporaryRedirectToHTTPSIsWarningToo", path: "/found", outcome: Warning, status: 200,
			reason: "redirects to https://example.com/found", hint: "link https://example.com/found directly", twinHits: 1},
		// HEAD's 404, then GET's: the twin is asked as any link is.
		{name: "NoHTTPSTwinStaysOK", path: "/plainonly", outcome: OK, status: 200, twinHits: 2},
		{name: "BrokenLinkStaysBrokenWithoutTwinRequest", path: "/gone", outcome: Error, status: 404, reason: "404 Not Found"},
		{name: "OffByDefault", path: "/both", off: true, outcome: OK, status: 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			doer, hits := twinServers(t, plain, secure)
			r := check(t, ExternalOptions{Doer: doer, RequireHTTPS: !tc.off}, "http://example.com"+tc.path)
			expect(t, r, tc.outcome, tc.status, tc.reason)
			if r.Hint != tc.hint {
				t.Errorf("hint %q, want %q", r.Hint, tc.hint)
			}
			if n := hits("https " + tc.path); n != tc.twinHits {
				t.Errorf("%d requests to https://example.com%s, want %d", n, tc.path, tc.twinHits)
			}
			if tc.outcome == Warning && !strings.HasPrefix(r.Reason, tc.reason) {
				t.Errorf("reason %q, want %q", r.Reason, tc.reason)
			}
		})
	}
}

// TestRequireHTTPSIgnoresCache checks an http:// link cached as ok
// again: its cache entry says nothing of its https:// twin.
func TestRequireHTTPSIgnoresCache(t *testing.T) {
	t.Parallel()
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {})
	doer, hits := twinServers(t, ok, ok)
	now := func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }
	cache, err := OpenCache(t.TempDir()+"/cache.json", time.Hour, now)
	if cache == nil {
		t.Fatal(err)
	}
	cache.Put("http://example.com/a", 200)
	r := check(t, ExternalOptions{Doer: doer, RequireHTTPS: true, Cache: cache}, "http://example.com/a")
	expect(t, r, Warning, 200, "the host serves HTTPS")
	if hits("http /a") != 1 || hits("https /a") != 1 {
		t.Errorf("requests: http %d, https %d; want 1 each", hits("http /a"), hits("https /a"))
	}
}
