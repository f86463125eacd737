package linkcheck

import (
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// sleeps records the waits of a Checker instead of waiting.
type sleeps struct {
	mu sync.Mutex
	d  []time.Duration
}

func (s *sleeps) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.d = append(s.d, d)
	s.mu.Unlock()
	return ctx.Err()
}

// check runs one URL through a Checker with o (Sleep faked, and timeouts
// never firing, unless set: a loaded machine's scheduling is no timeout)
// and returns its result.
func check(t *testing.T, o ExternalOptions, u string) Result {
	t.Helper()
	if o.Sleep == nil {
		o.Sleep = (&sleeps{}).sleep
	}
	if o.AfterFunc == nil {
		o.AfterFunc = neverFires
	}
	rs := []Result{{URL: u, Kind: External}}
	NewChecker(o).Check(context.Background(), rs)
	return rs[0]
}

// neverFires is an AfterFunc whose timers never fire.
func neverFires(time.Duration, func()) func() bool { return func() bool { return true } }

func expect(t *testing.T, r Result, outcome Outcome, status int, reason string) {
	t.Helper()
	if r.Outcome != outcome || r.Status != status || !strings.Contains(r.Reason, reason) {
		t.Errorf("%s: got %s %d %q, want %s %d with reason containing %q", r.URL, r.Outcome, r.Status, r.Reason, outcome, status, reason)
	}
}

func TestExternalStatuses(t *testing.T) {
	t.Parallel()
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/404", http.NotFound)
	mux.HandleFunc("/headers", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("User-Agent") != "test-agent/1" || !strings.HasPrefix(r.Header.Get("Accept"), "text/html,") {
			w.WriteHeader(http.StatusBadRequest)
		}
	})
	mux.HandleFunc("/410", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusGone) })
	mux.HandleFunc("/999", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(999) })
	mux.HandleFunc("/always429", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusTooManyRequests) })
	mux.HandleFunc("/always500", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusInternalServerError) })
	mux.HandleFunc("/head405", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusMethodNotAllowed)
		}
	})
	mux.HandleFunc("/headonly", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusNotFound)
			return
		}
		w.WriteHeader(http.StatusNotImplemented) // a server that only knows HEAD
	})
	mux.HandleFunc("/botwall", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cf-Mitigated", "challenge")
		w.Header().Set("Server", "cloudflare")
		w.WriteHeader(http.StatusForbidden)
	})
	mux.HandleFunc("/challenge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Server", "cloudflare")
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, `<html><title>Just a moment...</title><script src="/cdn-cgi/challenge-platform/x.js"></script>`)
	})
	mux.HandleFunc("/forbidden", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusForbidden) })
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/b", http.StatusFound) })
	mux.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/c", http.StatusSeeOther) })
	mux.HandleFunc("/c", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/ok", http.StatusTemporaryRedirect) })
	mux.HandleFunc("/loop1", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop2", http.StatusFound) })
	mux.HandleFunc("/loop2", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop1", http.StatusFound) })
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/ok", http.StatusMovedPermanently) })
	mux.HandleFunc("/moved404", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/404", http.StatusPermanentRedirect)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	o := ExternalOptions{Retries: 2, UserAgent: "test-agent/1"}
	for _, tc := range []struct {
		path    string
		outcome Outcome
		status  int
		reason  string
	}{
		{"/ok", OK, 200, ""},
		{"/headers", OK, 200, ""},
		{"/404", Error, 404, "404 Not Found"},
		{"/410", Error, 410, "410 Gone"},
		{"/999", Warning, 999, "LinkedIn"},
		{"/always429", Warning, 429, "429 Too Many Requests (rate limited after 2 retries)"},
		{"/always500", Error, 500, "500 Internal Server Error after 2 retries"},
		{"/head405", OK, 200, ""},
		{"/headonly", Error, 404, "404 Not Found"},
		{"/botwall", Warning, 403, "bot wall"},
		{"/challenge", Warning, 403, "bot wall"},
		{"/forbidden", Error, 403, "403 Forbidden"},
		{"/a", OK, 200, ""},
		{"/loop1", Error, 302, "redirect loop at " + srv.URL + "/loop1"},
		{"/moved", Warning, 200, "permanent redirect to " + srv.URL + "/ok"},
		{"/moved404", Error, 404, "404 Not Found (after redirects to " + srv.URL + "/404)"},
	} {
		t.Run(strings.TrimPrefix(tc.path, "/"), func(t *testing.T) {
			t.Parallel()
			expect(t, check(t, o, srv.URL+tc.path), tc.outcome, tc.status, tc.reason)
		})
	}
}

func TestExternalTooManyRedirects(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(r.URL.Path, "/%d", &n)
		http.Redirect(w, r, fmt.Sprintf("/%d", n+1), http.StatusFound)
	}))
	t.Cleanup(srv.Close)
	expect(t, check(t, ExternalOptions{MaxRedirects: 3}, srv.URL+"/0"), Error, 302, "more than 3 redirects")
}

// flaky answers with codes in turn, then 200, and counts requests.
func flaky(t *testing.T, codes []int, header http.Header) (*httptest.Server, *atomic.Int32) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i := int(n.Add(1)) - 1
		if i < len(codes) {
			for k, v := range header {
				w.Header()[k] = v
			}
			w.WriteHeader(codes[i])
		}
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func TestExternalRetries(t *testing.T) {
	t.Parallel()
	t.Run("500Then200", func(t *testing.T) {
		t.Parallel()
		srv, n := flaky(t, []int{500}, nil)
		expect(t, check(t, ExternalOptions{Retries: 3}, srv.URL), OK, 200, "")
		if n.Load() != 2 {
			t.Errorf("server saw %d requests, want 2", n.Load())
		}
	})
	t.Run("429RetryAfterSeconds", func(t *testing.T) {
		t.Parallel()
		srv, _ := flaky(t, []int{429}, http.Header{"Retry-After": {"1"}})
		s := &sleeps{}
		clk := &clock{}
		expect(t, check(t, ExternalOptions{Retries: 3, MaxRetryAfter: time.Minute, Sleep: s.sleep, Now: clk.now}, srv.URL), OK, 200, "")
		if len(s.d) != 1 || s.d[0] != time.Second {
			t.Errorf("waits = %v, want [1s] from Retry-After", s.d)
		}
	})
	t.Run("429RetryAfterDate", func(t *testing.T) {
		t.Parallel()
		clk := &clock{}
		clk.set(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
		when := clk.now().Add(30 * time.Second).Format(http.TimeFormat)
		srv, _ := flaky(t, []int{429}, http.Header{"Retry-After": {when}})
		s := &sleeps{}
		expect(t, check(t, ExternalOptions{Retries: 3, MaxRetryAfter: time.Minute, Sleep: s.sleep, Now: clk.now}, srv.URL), OK, 200, "")
		if len(s.d) != 1 || s.d[0] != 30*time.Second {
			t.Errorf("waits = %v, want 30s from the Retry-After date", s.d)
		}
	})
	t.Run("RetryAfterOverCap", func(t *testing.T) {
		t.Parallel()
		srv, n := flaky(t, []int{429}, http.Header{"Retry-After": {"3600"}})
		expect(t, check(t, ExternalOptions{Retries: 3, MaxRetryAfter: time.Minute}, srv.URL), Warning, 429, "rate limited")
		if n.Load() != 1 {
			t.Errorf("server saw %d requests, want 1: a Retry-After over the cap ends retrying", n.Load())
		}
	})
	t.Run("BackoffGrows", func(t *testing.T) {
		t.Parallel()
		srv, _ := flaky(t, []int{503, 503, 503}, nil)
		s := &sleeps{}
		expect(t, check(t, ExternalOptions{Retries: 3, Backoff: 100 * time.Millisecond, Sleep: s.sleep}, srv.URL), OK, 200, "")
		if len(s.d) != 3 {
			t.Fatalf("waits = %v, want 3", s.d)
		}
		for i, d := range s.d {
			lo, hi := (100*time.Millisecond<<i)/2, 100*time.Millisecond<<i
			if d < lo || d > hi {
				t.Errorf("wait %d = %v, want in [%v, %v] (exponential, jittered)", i, d, lo, hi)
			}
		}
	})
	t.Run("404NotRetried", func(t *testing.T) {
		t.Parallel()
		srv, n := flaky(t, []int{404, 404, 404, 404, 404}, nil)
		expect(t, check(t, ExternalOptions{Retries: 3}, srv.URL), Error, 404, "")
		if n.Load() != 2 { // HEAD, then GET as HEAD may be refused
			t.Errorf("server saw %d requests, want 2", n.Load())
		}
	})
}

func TestExternalTransportErrors(t *testing.T) {
	t.Parallel()
	t.Run("Timeout", func(t *testing.T) {
		t.Parallel()
		var n atomic.Int32
		arrived := make(chan struct{}, 10)
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			n.Add(1)
			arrived <- struct{}{}
			<-r.Context().Done() // never answers
		}))
		t.Cleanup(srv.Close)
		// The timer fires once the request is at the server.
		timer := func(d time.Duration, f func()) func() bool {
			go func() { <-arrived; f() }()
			return func() bool { return true }
		}
		r := check(t, ExternalOptions{Timeout: 5 * time.Second, Retries: 1, AfterFunc: timer}, srv.URL)
		expect(t, r, Error, 0, "timed out (timeout 5s)")
		if strings.Contains(r.Reason, "retr") || n.Load() != 1 {
			t.Errorf("reason %q after %d requests: the timeout is for the whole request, so it is not retried", r.Reason, n.Load())
		}
	})
	t.Run("ConnectionReset", func(t *testing.T) {
		t.Parallel()
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err != nil {
				return
			}
			if tc, ok := conn.(*net.TCPConn); ok {
				_ = tc.SetLinger(0) // close with RST
			}
			conn.Close()
		}))
		t.Cleanup(srv.Close)
		r := check(t, ExternalOptions{Retries: 1}, srv.URL)
		if r.Outcome != Error || !strings.Contains(r.Reason, "connection reset") {
			t.Errorf("got %s %q, want error: connection reset", r.Outcome, r.Reason)
		}
	})
	t.Run("Refused", func(t *testing.T) {
		t.Parallel()
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := ln.Addr().String()
		ln.Close()
		expect(t, check(t, ExternalOptions{Retries: 1}, "http://"+addr+"/"), Error, 0, "connection refused")
	})
	t.Run("TLS", func(t *testing.T) {
		t.Parallel()
		var n, conns atomic.Int32
		srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { n.Add(1) }))
		srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the handshake error is expected
		srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
			if s == http.StateNew {
				conns.Add(1)
			}
		}
		srv.StartTLS()
		t.Cleanup(srv.Close)
		// The default client does not trust the test server's certificate.
		expect(t, check(t, ExternalOptions{Retries: 3}, srv.URL+"/"), Error, 0, "TLS error: ")
		if n.Load() != 0 {
			t.Errorf("handler ran %d times over an untrusted connection", n.Load())
		}
		if c := conns.Load(); c != 1 {
			t.Errorf("%d connections, want 1: an untrusted certificate is not retried", c)
		}
	})
	t.Run("DNS", func(t *testing.T) {
		t.Parallel()
		var n atomic.Int32
		fake := DoerFunc(func(r *http.Request) (*http.Response, error) {
			n.Add(1)
			return nil, &url.Error{Op: "Head", URL: r.URL.String(), Err: &net.OpError{Op: "dial", Err: &net.DNSError{Err: "no such host", Name: r.URL.Host, IsNotFound: true}}}
		})
		expect(t, check(t, ExternalOptions{Doer: fake, Retries: 3}, "https://nowhere.invalid/"), Error, 0, "DNS lookup failed: no such host")
		if n.Load() != 1 {
			t.Errorf("a missing host was tried %d times, want 1", n.Load())
		}
	})
}

func TestExternalSchemesAndRules(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.NotFoundHandler())
	t.Cleanup(srv.Close)
	host := strings.TrimPrefix(srv.URL, "http://")
	host = host[:strings.IndexByte(host, ':')]
	o := ExternalOptions{
		Skip:     []*regexp.Regexp{regexp.MustCompile(`/skipme`)},
		Outcomes: []PatternRule{{Pattern: regexp.MustCompile(`/soft`), Outcome: Warning}},
	}
	expect(t, check(t, o, "mailto:someone@example.org?subject=hi"), OK, 0, "")
	expect(t, check(t, o, "mailto:not an address"), Error, 0, "invalid e-mail address")
	expect(t, check(t, o, "mailto:"), Error, 0, "without an address")
	expect(t, check(t, o, "tel:+1-555-0100"), OK, 0, "")
	expect(t, check(t, o, "tel:call-me"), Error, 0, "invalid phone number")
	expect(t, check(t, o, "ftp://example.org/file"), Skipped, 0, "ftp: links are not checked")
	expect(t, check(t, o, srv.URL+"/skipme"), Skipped, 0, "skip pattern")
	expect(t, check(t, o, srv.URL+"/soft"), Warning, 404, "404 Not Found (outcome set for pattern /soft)")
	o.Hosts = map[string]HostRule{host: {Outcome: Skipped}}
	expect(t, check(t, o, srv.URL+"/x"), Skipped, 0, "outcome set for host "+host)
	o.AcceptStatus = []int{404}
	o.Hosts = nil
	expect(t, check(t, o, srv.URL+"/x"), OK, 404, "")
}
