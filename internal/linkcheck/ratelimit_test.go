package linkcheck

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

var rlNow = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

func TestRateLimitHeaders(t *testing.T) {
	t.Parallel()
	unix := func(d time.Duration) string { return strconv.FormatInt(rlNow.Add(d).Unix(), 10) }
	for _, tc := range []struct {
		name  string
		h     http.Header
		spent bool
		wait  time.Duration
	}{
		{"GitHubUnixReset", http.Header{"X-Ratelimit-Remaining": {"0"}, "X-Ratelimit-Reset": {unix(42 * time.Second)}}, true, 42 * time.Second},
		{"SmallResetIsSecondsFromNow", http.Header{"X-Ratelimit-Remaining": {"0"}, "X-Ratelimit-Reset": {"30"}}, true, 30 * time.Second},
		{"FloatsAsRedditSends", http.Header{"X-Ratelimit-Remaining": {"0.0"}, "X-Ratelimit-Reset": {"29.2"}}, true, 30 * time.Second},
		{"RemainingLeftIsNotSpent", http.Header{"X-Ratelimit-Remaining": {"1"}, "X-Ratelimit-Reset": {unix(time.Minute)}}, false, 0},
		{"NoResetSaysNothing", http.Header{"X-Ratelimit-Remaining": {"0"}}, false, 0},
		{"GarbageReset", http.Header{"X-Ratelimit-Remaining": {"0"}, "X-Ratelimit-Reset": {"soon"}}, false, 0},
		{"NegativeReset", http.Header{"Ratelimit-Remaining": {"0"}, "Ratelimit-Reset": {"-5"}}, false, 0},
		{"IETFSeparateFields", http.Header{"Ratelimit-Limit": {"100"}, "Ratelimit-Remaining": {"0"}, "Ratelimit-Reset": {"15"}}, true, 15 * time.Second},
		{"IETFStructuredField", http.Header{"Ratelimit": {`"default";r=0;t=30`}}, true, 30 * time.Second},
		{"IETFStructuredSpentPolicyOfTwo", http.Header{"Ratelimit": {`"burst";r=5;t=1, "daily";r=0;t=3600`}}, true, time.Hour},
		{"IETFStructuredNotSpent", http.Header{"Ratelimit": {`"default";r=3;t=30`}}, false, 0},
		{"IETFSingleFieldForm", http.Header{"Ratelimit": {"limit=100, remaining=0, reset=20"}}, true, 20 * time.Second},
		{"LatestResetWins", http.Header{"X-Ratelimit-Remaining": {"0"}, "X-Ratelimit-Reset": {"10"}, "Ratelimit": {"r=0;t=50"}}, true, 50 * time.Second},
		{"HugeResetDoesNotOverflow", http.Header{"Ratelimit-Remaining": {"0"}, "Ratelimit-Reset": {"1e300"}}, true, (1 << 32) * time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			until, spent := rateLimit(tc.h, rlNow)
			if spent != tc.spent || spent && until.Sub(rlNow) != tc.wait {
				t.Errorf("rateLimit(%v) = %v (in %v), %v; want spent %v, in %v", tc.h, until, until.Sub(rlNow), spent, tc.spent, tc.wait)
			}
		})
	}
}

// fakeClock is a clock that only the checker's waits move, and the
// waits it was asked for.
type fakeClock struct {
	clock
	sleeps
}

func newFakeClock() *fakeClock {
	c := &fakeClock{}
	c.set(rlNow)
	return c
}

func (c *fakeClock) sleep(ctx context.Context, d time.Duration) error {
	c.sleeps.sleep(ctx, d)
	c.advance(d)
	return ctx.Err()
}

// TestRateLimitPausesHost: an ok response saying the host's rate limit
// is spent pauses that host, and only that host, until the reset: no
// request to it starts before, all its links are ok.
func TestRateLimitPausesHost(t *testing.T) {
	t.Parallel()
	clk := newFakeClock()
	reset := rlNow.Add(40 * time.Second)
	var mu sync.Mutex
	at := map[string][]time.Time{} // when each request to a host was sent, in order
	fake := DoerFunc(func(r *http.Request) (*http.Response, error) {
		mu.Lock()
		defer mu.Unlock()
		at[r.URL.Host] = append(at[r.URL.Host], clk.now())
		h := http.Header{}
		if r.URL.Host == "api.example" && len(at["api.example"]) == 1 {
			h.Set("X-RateLimit-Remaining", "0")
			h.Set("X-RateLimit-Reset", strconv.FormatInt(reset.Unix(), 10))
		}
		return &http.Response{StatusCode: 200, Header: h, Body: http.NoBody, Request: r}, nil
	})
	var links []Result
	for i := range 10 {
		links = append(links, Result{URL: fmt.Sprintf("https://api.example/%d", i), Kind: External})
	}
	links = append(links, Result{URL: "https://other.example/", Kind: External})
	NewChecker(ExternalOptions{Doer: fake, MaxRateLimitWait: time.Minute, HostConcurrency: 1, Now: clk.now, Sleep: clk.sleep, AfterFunc: neverFires}).Check(context.Background(), links)
	for _, r := range links {
		if r.Outcome != OK {
			t.Errorf("%s: %s %s, want ok", r.URL, r.Outcome, r.Reason)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(at["api.example"]) != 10 {
		t.Fatalf("%d requests to api.example, want 10", len(at["api.example"]))
	}
	for i, t0 := range at["api.example"][1:] {
		if t0.Before(reset) {
			t.Errorf("request %d to api.example at %v, before the reset %v", i+1, t0, reset)
		}
	}
	if !slices.Contains(clk.d, 40*time.Second) {
		t.Errorf("waits %v, want one of 40s (until the reset)", clk.d)
	}
	if len(at["other.example"]) != 1 {
		t.Errorf("%d requests to other.example, want 1", len(at["other.example"]))
	}
}

// rateLimitServer answers the first request with status and the headers
// of a spent rate limit from hdr, then 200; it counts requests.
func rateLimitServer(t *testing.T, status int, hdr http.Header) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			for k, v := range hdr {
				w.Header()[k] = v
			}
			w.WriteHeader(status)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

// TestRateLimitWaitsForReset: a 403 or 429 saying the rate limit is
// spent is retried once the reset has come (waited for on an injected
// clock), not reported broken, in every header dialect.
func TestRateLimitWaitsForReset(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		status int
		hdr    http.Header
	}{
		{"GitHub403", 403, http.Header{"X-Ratelimit-Remaining": {"0"}, "X-Ratelimit-Reset": {strconv.FormatInt(rlNow.Add(30*time.Second).Unix(), 10)}}},
		{"IETFFields429", 429, http.Header{"Ratelimit-Remaining": {"0"}, "Ratelimit-Reset": {"30"}}},
		{"IETFStructured429", 429, http.Header{"Ratelimit": {`"default";r=0;t=30`}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv, n := rateLimitServer(t, tc.status, tc.hdr)
			clk := newFakeClock()
			r := check(t, ExternalOptions{Retries: 1, MaxRateLimitWait: time.Minute, Now: clk.now, Sleep: clk.sleep}, srv.URL+"/x")
			if r.Outcome != OK || n.Load() != 2 {
				t.Errorf("got %s %q after %d requests, want ok after 2", r.Outcome, r.Reason, n.Load())
			}
			if !slices.Equal(clk.d, []time.Duration{30 * time.Second}) {
				t.Errorf("waits %v, want [30s]: until the reset, once", clk.d)
			}
		})
	}
}

// TestRateLimitPastTheCap: a reset later than maxRateLimitWait is not
// waited for: the link that met it is a warning naming the reset, and
// the host's other links are warnings too, without a request; another
// host is checked as usual.
func TestRateLimitPastTheCap(t *testing.T) {
	t.Parallel()
	reset := rlNow.Add(time.Hour)
	srv, n := rateLimitServer(t, 403, http.Header{"X-Ratelimit-Remaining": {"0"}, "X-Ratelimit-Reset": {strconv.FormatInt(reset.Unix(), 10)}})
	var other atomic.Int32
	otherSrv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { other.Add(1) }))
	t.Cleanup(otherSrv.Close)
	// The other server on "localhost" would need DNS; a host of its own
	// is what matters, so both are reached by a Doer that maps names.
	base := &http.Client{}
	doer := DoerFunc(func(r *http.Request) (*http.Response, error) {
		r2 := r.Clone(r.Context())
		switch r.URL.Hostname() {
		case "api.example":
			r2.URL.Host = strings.TrimPrefix(srv.URL, "http://")
		case "other.example":
			r2.URL.Host = strings.TrimPrefix(otherSrv.URL, "http://")
		}
		r2.Host = ""
		return base.Do(r2)
	})
	var links []Result
	for i := range 5 {
		links = append(links, Result{URL: fmt.Sprintf("http://api.example/%d", i), Kind: External})
	}
	links = append(links, Result{URL: "http://other.example/", Kind: External})
	clk := newFakeClock()
	NewChecker(ExternalOptions{Doer: doer, Retries: 3, HostConcurrency: 1, MaxRateLimitWait: time.Minute, Now: clk.now, Sleep: clk.sleep, AfterFunc: neverFires}).Check(context.Background(), links)
	for _, r := range links {
		if r.URL == "http://other.example/" {
			if r.Outcome != OK {
				t.Errorf("%s: %s %s, want ok", r.URL, r.Outcome, r.Reason)
			}
			continue
		}
		if r.Outcome != Warning || !strings.Contains(r.Reason, "rate limited until 2026-01-02T04:04:05Z") {
			t.Errorf("%s: %s %q, want a warning: rate limited until 2026-01-02T04:04:05Z", r.URL, r.Outcome, r.Reason)
		}
	}
	if n.Load() != 1 || other.Load() != 1 {
		t.Errorf("%d requests to api.example, %d to other.example; want 1 and 1", n.Load(), other.Load())
	}
	for _, d := range clk.d {
		if d > time.Minute {
			t.Errorf("waited %v, more than maxRateLimitWait", d)
		}
	}
}
