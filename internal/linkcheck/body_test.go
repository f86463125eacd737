package linkcheck

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
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
	NewChecker(ExternalOptions{Anchors: true, Doer: viaServer, AfterFunc: neverFires, Sleep: (&sleeps{}).sleep}).Check(context.Background(), links)
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
// two requests would overlap even without a concurrency limit. Neither
// depends on timing: the server holds requests until the test lets them
// go, and the interval is measured on a clock that only the limiter's
// waits are read from.
func TestHostLimits(t *testing.T) {
	t.Parallel()
	const n = 12
	links := func(base string) []Result {
		ls := make([]Result, n)
		for i := range ls {
			ls[i] = Result{URL: base + "/p" + string(rune('a'+i)), Kind: External}
		}
		return ls
	}
	allOK := func(t *testing.T, ls []Result) {
		t.Helper()
		for _, r := range ls {
			if r.Outcome != OK {
				t.Errorf("%s: %s %s", r.URL, r.Outcome, r.Reason)
			}
		}
	}
	t.Run("Concurrency", func(t *testing.T) {
		t.Parallel()
		g := newHolder()
		srv := httptest.NewServer(g.handler())
		t.Cleanup(srv.Close)
		ls := links(srv.URL)
		done := make(chan struct{})
		go func() {
			NewChecker(ExternalOptions{HostConcurrency: 2, Concurrency: 50, AfterFunc: neverFires}).Check(context.Background(), ls)
			close(done)
		}()
		g.run(2, n) // 2 in flight at once, then one more as each ends
		<-done
		if p := g.peak.Load(); p != 2 {
			t.Errorf("%d requests in flight at once, want hostConcurrency 2", p)
		}
		allOK(t, ls)
	})
	t.Run("Interval", func(t *testing.T) {
		t.Parallel()
		const interval = 10 * time.Millisecond
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
		t.Cleanup(srv.Close)
		clk := &clock{}
		clk.set(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
		s := &sleeps{}
		ls := links(srv.URL)
		NewChecker(ExternalOptions{HostConcurrency: 2, HostInterval: interval, Concurrency: 50, Now: clk.now, Sleep: s.sleep, AfterFunc: neverFires}).Check(context.Background(), ls)
		// The clock stands still, so request k waits k intervals: the
		// limiter schedules each an interval after the one before.
		slices.Sort(s.d)
		var want []time.Duration
		for k := 1; k < n; k++ {
			want = append(want, time.Duration(k)*interval)
		}
		if !slices.Equal(s.d, want) {
			t.Errorf("waits = %v, want %v", s.d, want)
		}
		allOK(t, ls)
	})
}

// holder holds requests until released and counts how many are in flight.
type holder struct {
	inFlight, peak atomic.Int32
	started        chan struct{}
	release        chan struct{}
}

func newHolder() *holder {
	return &holder{started: make(chan struct{}, 100), release: make(chan struct{})}
}

// enter counts a request in and holds it until released.
func (g *holder) enter() {
	n := g.inFlight.Add(1)
	for {
		p := g.peak.Load()
		if n <= p || g.peak.CompareAndSwap(p, n) {
			break
		}
	}
	g.started <- struct{}{}
	<-g.release
	g.inFlight.Add(-1)
}

func (g *holder) handler() http.Handler {
	return http.HandlerFunc(func(http.ResponseWriter, *http.Request) { g.enter() })
}

// run waits until limit requests are in flight, then lets them go one at
// a time, waiting after each for the next to start, until total have
// run. With a limit that holds, no more than limit are ever in flight.
func (g *holder) run(limit, total int) {
	for range limit {
		<-g.started
	}
	for i := range total {
		g.release <- struct{}{}
		if i+limit < total {
			<-g.started
		}
	}
}

// TestGlobalLimit: the global limit holds across hosts.
func TestGlobalLimit(t *testing.T) {
	t.Parallel()
	g := newHolder()
	fake := DoerFunc(func(r *http.Request) (*http.Response, error) {
		g.enter()
		return &http.Response{StatusCode: 200, Body: http.NoBody, Header: http.Header{}, Request: r}, nil
	})
	var links []Result
	for h := 0; h < 10; h++ {
		for i := 0; i < 4; i++ {
			links = append(links, Result{URL: "https://h" + string(rune('a'+h)) + ".example/" + string(rune('a'+i)), Kind: External})
		}
	}
	done := make(chan struct{})
	go func() {
		NewChecker(ExternalOptions{Doer: fake, Concurrency: 3, AfterFunc: neverFires}).Check(context.Background(), links)
		close(done)
	}()
	g.run(3, len(links))
	<-done
	if p := g.peak.Load(); p != 3 {
		t.Errorf("%d requests in flight at once, want the global 3", p)
	}
}
