package linkcheck

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// bigBody serves head followed by filler up to size bytes and counts what
// it managed to write before the client hung up.
func bigBody(t *testing.T, head string, size int, headRefused bool) (*httptest.Server, *atomic.Int64) {
	var written atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead && headRefused {
			w.WriteHeader(http.StatusMethodNotAllowed)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		n, err := w.(interface{ Write([]byte) (int, error) }).Write([]byte(head))
		written.Add(int64(n))
		chunk := []byte(strings.Repeat("<p>filler text</p>\n", 1000))
		for err == nil && written.Load() < int64(size) {
			n, err = w.Write(chunk)
			written.Add(int64(n))
		}
	}))
	t.Cleanup(srv.Close)
	return srv, &written
}

const manyMB = 64 << 20

func TestExternalBodyNotReadWhole(t *testing.T) {
	t.Parallel()
	t.Run("GetAfterHeadRefused", func(t *testing.T) {
		t.Parallel()
		srv, written := bigBody(t, "<html>", manyMB, true)
		expect(t, check(t, ExternalOptions{}, srv.URL+"/page"), OK, 200, "")
		srv.Close() // waits for the handler, so written is final
		if w := written.Load(); w >= manyMB/4 {
			t.Errorf("server wrote %d bytes of %d: the body was read although no anchor was asked for", w, manyMB)
		}
	})
	t.Run("AnchorFoundEarly", func(t *testing.T) {
		t.Parallel()
		srv, written := bigBody(t, `<html><h2 id="intro">Intro</h2>`, manyMB, false)
		expect(t, check(t, ExternalOptions{Anchors: true}, srv.URL+"/page#intro"), OK, 200, "")
		srv.Close()
		if w := written.Load(); w >= manyMB/4 {
			t.Errorf("server wrote %d bytes of %d: reading went on after the anchor was found", w, manyMB)
		}
	})
	t.Run("AnchorMissingHardCap", func(t *testing.T) {
		t.Parallel()
		srv, written := bigBody(t, `<html>`, manyMB, false)
		expect(t, check(t, ExternalOptions{Anchors: true, MaxBody: 1 << 20}, srv.URL+"/page#nowhere"), Error, 200, `no anchor "nowhere" in the part of the page read`)
		srv.Close()
		if w := written.Load(); w >= manyMB/4 {
			t.Errorf("server wrote %d bytes of %d: the body was read past maxBodyBytes", w, manyMB)
		}
	})
}

func TestExternalAnchors(t *testing.T) {
	t.Parallel()
	var gets atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet {
			gets.Add(1)
		}
		if r.URL.Path == "/moved" {
			http.Redirect(w, r, "/doc", http.StatusMovedPermanently)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html><h2 id="install">Install</h2><a name="legacy"></a>` +
			`<h2 id="user-content-usage">Usage</h2><script>var s = '<div id="fake">';</script></html>`))
	}))
	t.Cleanup(srv.Close)
	// GitHub URLs go to the test server, keeping their host name.
	viaServer := DoerFunc(func(r *http.Request) (*http.Response, error) {
		r2 := r.Clone(r.Context())
		r2.URL.Scheme, r2.URL.Host = "http", strings.TrimPrefix(srv.URL, "http://")
		return http.DefaultTransport.RoundTrip(r2)
	})
	links := []Result{
		{URL: srv.URL + "/doc#install"},
		{URL: srv.URL + "/doc#legacy"},
		{URL: srv.URL + "/doc#missing"},
		{URL: srv.URL + "/doc#fake"},
		{URL: srv.URL + "/doc"},
		{URL: "https://github.com/o/r#usage"},
		{URL: "https://github.com/o/r/blob/main/x.go#L10-L20"},
		{URL: "https://github.com/o/r#nope"},
		{URL: srv.URL + "/moved#install"},
		{URL: srv.URL + "/moved#gone"},
	}
	for i := range links {
		links[i].Kind = External
	}
	NewChecker(ExternalOptions{Anchors: true, Doer: viaServer, Sleep: (&sleeps{}).sleep}).Check(context.Background(), links)
	got := map[string]Result{}
	for _, r := range links {
		got[r.URL] = r
	}
	expect(t, got[srv.URL+"/doc#install"], OK, 200, "")
	expect(t, got[srv.URL+"/doc#legacy"], OK, 200, "")
	expect(t, got[srv.URL+"/doc#missing"], Error, 200, `no anchor "missing" on the page`)
	expect(t, got[srv.URL+"/doc#fake"], Error, 200, `no anchor "fake"`)
	expect(t, got[srv.URL+"/doc"], OK, 200, "")
	expect(t, got["https://github.com/o/r#usage"], OK, 200, "")
	expect(t, got["https://github.com/o/r/blob/main/x.go#L10-L20"], OK, 200, "")
	expect(t, got["https://github.com/o/r#nope"], Error, 200, `no anchor "nope"`)
	expect(t, got[srv.URL+"/moved#install"], Warning, 200, "permanent redirect to "+srv.URL+"/doc")
	expect(t, got[srv.URL+"/moved#gone"], Error, 200, `no anchor "gone"`)
	if n := gets.Load(); n != 5 {
		t.Errorf("%d GET requests, want 5: one per page (and redirect) whatever its fragments", n)
	}
}

// TestHostLimits: a server counting requests in flight proves that the
// per-host concurrency limit holds, and the interval spaces requests out.
// The two are tested apart: with an interval longer than a request, no
// two requests would overlap even without a concurrency limit.
func TestHostLimits(t *testing.T) {
	t.Parallel()
	// serve counts the requests in flight, each held for hold.
	serve := func(t *testing.T, hold time.Duration) (*httptest.Server, *atomic.Int32, *atomic.Int32) {
		var inFlight, peak, total atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			n := inFlight.Add(1)
			for {
				p := peak.Load()
				if n <= p || peak.CompareAndSwap(p, n) {
					break
				}
			}
			total.Add(1)
			time.Sleep(hold)
			inFlight.Add(-1)
		}))
		t.Cleanup(srv.Close)
		return srv, &peak, &total
	}
	const n = 12
	links := func(srv *httptest.Server) []Result {
		ls := make([]Result, n)
		for i := range ls {
			ls[i] = Result{URL: srv.URL + "/p" + string(rune('a'+i)), Kind: External}
		}
		return ls
	}
	allOK := func(t *testing.T, ls []Result, total *atomic.Int32) {
		t.Helper()
		if total.Load() != n {
			t.Errorf("server saw %d requests, want %d", total.Load(), n)
		}
		for _, r := range ls {
			if r.Outcome != OK {
				t.Errorf("%s: %s %s", r.URL, r.Outcome, r.Reason)
			}
		}
	}
	t.Run("Concurrency", func(t *testing.T) {
		t.Parallel()
		srv, peak, total := serve(t, 20*time.Millisecond)
		ls := links(srv)
		NewChecker(ExternalOptions{HostConcurrency: 2, Concurrency: 50}).Check(context.Background(), ls)
		if p := peak.Load(); p > 2 {
			t.Errorf("%d requests in flight at once, want at most hostConcurrency 2", p)
		}
		allOK(t, ls, total)
	})
	t.Run("Interval", func(t *testing.T) {
		t.Parallel()
		const interval = 10 * time.Millisecond
		srv, _, total := serve(t, 0)
		ls := links(srv)
		start := time.Now()
		NewChecker(ExternalOptions{HostConcurrency: 2, HostInterval: interval, Concurrency: 50}).Check(context.Background(), ls)
		elapsed := time.Since(start)
		// The limiter schedules request k at least k intervals after the first.
		if min := (n - 1) * interval; elapsed < min {
			t.Errorf("%d requests took %v, less than %d intervals of %v", n, elapsed, n-1, interval)
		}
		allOK(t, ls, total)
	})
}

// TestGlobalLimit: the global limit holds across hosts.
func TestGlobalLimit(t *testing.T) {
	t.Parallel()
	var inFlight, peak atomic.Int32
	fake := DoerFunc(func(r *http.Request) (*http.Response, error) {
		n := inFlight.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(2 * time.Millisecond)
		inFlight.Add(-1)
		return &http.Response{StatusCode: 200, Body: http.NoBody, Header: http.Header{}, Request: r}, nil
	})
	var links []Result
	for h := 0; h < 10; h++ {
		for i := 0; i < 4; i++ {
			links = append(links, Result{URL: "https://h" + string(rune('a'+h)) + ".example/" + string(rune('a'+i)), Kind: External})
		}
	}
	NewChecker(ExternalOptions{Doer: fake, Concurrency: 3}).Check(context.Background(), links)
	if p := peak.Load(); p > 3 {
		t.Errorf("%d requests in flight, want at most the global 3", p)
	}
}
