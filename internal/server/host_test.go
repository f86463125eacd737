package server

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestHostHeader: only loopback names and addresses, the allowed hosts
// and the address a connection came in on are answered; any other Host,
// such as a name an attacker's page rebound to this machine, gets 403
// and nothing of the site, live-reload stream included.
func TestHostHeader(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, basicSite)
	s := New(Options{Root: dir, Drafts: true, AllowHosts: []string{"Preview.Example:1313", "[fd00::5]", "10.1.2.3"}})
	build(t, s)
	t.Cleanup(s.Close)
	lan := &net.TCPAddr{IP: net.ParseIP("192.168.1.5"), Port: 1313}
	for _, tc := range []struct {
		host  string
		local net.Addr // the address the connection came in on
		ok    bool
	}{
		{host: "localhost", ok: true},
		{host: "localhost:1313", ok: true},
		{host: "LocalHost.", ok: true},
		{host: "docs.localhost:1313", ok: true},
		{host: "127.0.0.1:1313", ok: true},
		{host: "127.8.9.10", ok: true},
		{host: "[::1]:1313", ok: true},
		{host: "[::1]", ok: true},
		{host: "preview.example", ok: true},
		{host: "PREVIEW.example:8080", ok: true},
		{host: "[fd00::5]:1313", ok: true},
		{host: "10.1.2.3:1313", ok: true},
		{host: "192.168.1.5:1313", local: lan, ok: true},
		{host: ""},
		{host: "evil.example"},
		{host: "evil.example:1313"},
		{host: "localhost.evil.example"},
		{host: "127.0.0.1.evil.example"},
		{host: "notlocalhost"},
		{host: "preview.example.evil.example"},
		{host: "192.168.1.6:1313", local: lan},
		{host: "192.168.1.5:1313"},
		{host: "0.0.0.0:1313"},
	} {
		for _, target := range []string{"/docs/draft/", livereloadPath, "/nope/"} {
			req := httptest.NewRequest(http.MethodGet, target, nil)
			req.Host = tc.host
			if tc.local != nil {
				req = req.WithContext(context.WithValue(req.Context(), http.LocalAddrContextKey, tc.local))
			}
			if target == livereloadPath {
				// A stream that is answered stays open: end it at once.
				ctx, cancel := context.WithCancel(req.Context())
				cancel()
				req = req.WithContext(ctx)
			}
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			body := rec.Body.String()
			switch {
			case tc.ok && rec.Code == http.StatusForbidden:
				t.Errorf("Host %q, GET %s: 403, want it answered", tc.host, target)
			case !tc.ok && rec.Code != http.StatusForbidden:
				t.Errorf("Host %q, GET %s: status %d, want 403", tc.host, target, rec.Code)
			case !tc.ok && (strings.Contains(body, "<") || strings.Contains(body, "Draft") || strings.Contains(body, "event:")):
				t.Errorf("Host %q, GET %s: 403 carries content:\n%s", tc.host, target, body)
			}
		}
	}
}

// TestHostHeaderOverTCP: the check holds for what a browser sends over
// a real connection.
func TestHostHeaderOverTCP(t *testing.T) {
	t.Parallel()
	s, _ := newServer(t, writeSite(t, basicSite), true)
	ts := httptest.NewServer(s)
	defer ts.Close()
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	for host, want := range map[string]int{
		"":                     http.StatusOK, // the URL's own, 127.0.0.1:port
		"localhost":            http.StatusOK,
		"rebound.evil.example": http.StatusForbidden,
	} {
		req, _ := http.NewRequest(http.MethodGet, ts.URL+"/docs/draft/", nil)
		if host != "" {
			req.Host = host
		}
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != want {
			t.Errorf("Host %q: status %d, want %d", host, res.StatusCode, want)
		}
	}
}
