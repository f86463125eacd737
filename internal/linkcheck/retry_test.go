package linkcheck

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestRetriesCountedHonestly: messages say how many retries were made,
// not how many were allowed, and what cannot change is not retried.
func TestRetriesCountedHonestly(t *testing.T) {
	t.Parallel()
	t.Run("RetryAfterOverCapIsOneRequest", func(t *testing.T) {
		t.Parallel()
		srv, n := flaky(t, []int{429}, http.Header{"Retry-After": {"3600"}})
		r := check(t, ExternalOptions{Retries: 3, MaxRetryAfter: time.Minute}, srv.URL)
		if r.Reason != "429 Too Many Requests (rate limited)" || n.Load() != 1 {
			t.Errorf("reason %q after %d requests, want no retries claimed for 1 request", r.Reason, n.Load())
		}
	})
	t.Run("OneRetrySingular", func(t *testing.T) {
		t.Parallel()
		srv, n := flaky(t, []int{500, 500, 500}, nil)
		r := check(t, ExternalOptions{Retries: 1}, srv.URL)
		// HEAD: 500, retried once; 500 is not a refused HEAD, so no GET.
		if r.Reason != "500 Internal Server Error after 1 retry" || n.Load() != 2 {
			t.Errorf("reason %q after %d requests, want %q after 2", r.Reason, n.Load(), "500 Internal Server Error after 1 retry")
		}
	})
	t.Run("BadLocationNotRetried", func(t *testing.T) {
		t.Parallel()
		var n atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			n.Add(1)
			w.Header().Set("Location", "http://[::1")
			w.WriteHeader(http.StatusFound)
		}))
		t.Cleanup(srv.Close)
		s := &sleeps{}
		r := check(t, ExternalOptions{Retries: 3, Sleep: s.sleep}, srv.URL)
		if r.Outcome != Error || n.Load() != 1 || len(s.d) != 0 || strings.Contains(r.Reason, "retr") {
			t.Errorf("got %s %q after %d requests and waits %v; want an error, 1 request, no retries", r.Outcome, r.Reason, n.Load(), s.d)
		}
	})
	t.Run("InvalidPortNotRetried", func(t *testing.T) {
		t.Parallel()
		s := &sleeps{}
		r := check(t, ExternalOptions{Retries: 3, Sleep: s.sleep}, "http://127.0.0.1:99999/")
		if r.Outcome != Error || len(s.d) != 0 || strings.Contains(r.Reason, "retr") {
			t.Errorf("got %s %q and waits %v; want an error without retries", r.Outcome, r.Reason, s.d)
		}
	})
}
