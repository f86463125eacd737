package linkcheck

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"
)

// TestRetryAfterPausesHost: a 429 with Retry-After pauses every request
// to its host, not only the URL that got it: no request to the host
// starts before the pause ends. The clock moves only when a wait does, so
// the order of requests is all that matters. Another host is not paused.
func TestRetryAfterPausesHost(t *testing.T) {
	t.Parallel()
	clk := &clock{}
	start := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	clk.set(start)
	var mu sync.Mutex
	var at []time.Time // when each request to busy.example was sent, in order
	var limited time.Time
	fake := DoerFunc(func(r *http.Request) (*http.Response, error) {
		mu.Lock()
		defer mu.Unlock()
		if r.URL.Host != "busy.example" {
			return &http.Response{StatusCode: 200, Header: http.Header{}, Body: http.NoBody, Request: r}, nil
		}
		at = append(at, clk.now())
		if len(at) == 1 { // the first request to busy.example, whichever URL, is turned away
			limited = clk.now()
			return &http.Response{StatusCode: http.StatusTooManyRequests, Header: http.Header{"Retry-After": {"30"}}, Body: http.NoBody, Request: r}, nil
		}
		return &http.Response{StatusCode: 200, Header: http.Header{}, Body: http.NoBody, Request: r}, nil
	})
	sleep := func(ctx context.Context, d time.Duration) error {
		clk.advance(d)
		return ctx.Err()
	}
	var links []Result
	for i := range 20 {
		links = append(links, Result{URL: fmt.Sprintf("https://busy.example/%d", i), Kind: External})
	}
	links = append(links, Result{URL: "https://other.example/", Kind: External})
	// No retries: the URL turned away stays a warning, and nothing but
	// the host's pause can move the clock.
	NewChecker(ExternalOptions{Doer: fake, MaxRetryAfter: time.Minute, HostConcurrency: 1, Now: clk.now, Sleep: sleep, AfterFunc: neverFires}).Check(context.Background(), links)
	warnings := 0
	for _, r := range links {
		if r.Outcome == Warning {
			warnings++
		} else if r.Outcome != OK {
			t.Errorf("%s: %s %s", r.URL, r.Outcome, r.Reason)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(at) != 20 || warnings != 1 {
		t.Fatalf("%d requests to busy.example, %d warnings; want 20 and 1 (the URL turned away)", len(at), warnings)
	}
	early := 0
	for _, t0 := range at[1:] {
		if t0.Before(limited.Add(30 * time.Second)) {
			early++
		}
	}
	if early > 0 {
		t.Errorf("%d requests to busy.example started during its 30s pause, want none", early)
	}
}
