package linkcheck

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestFailAfter: with FailAfter, an error is a warning until its URL has
// failed for that long by the cache's record; a success in between
// starts the count again; without FailAfter an error fails at once.
func TestFailAfter(t *testing.T) {
	t.Parallel()
	var flakyUp atomic.Bool
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		switch r.URL.Path {
		case "/gone":
			http.NotFound(w, r)
		case "/flaky":
			if !flakyUp.Load() {
				w.WriteHeader(http.StatusBadGateway)
			}
		}
	}))
	t.Cleanup(srv.Close)
	path := filepath.Join(t.TempDir(), "linkcache.json")
	clk := &clock{}
	day0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	clk.set(day0)
	const day = 24 * time.Hour

	run := func(failAfter time.Duration) map[string]Result {
		t.Helper()
		c, err := OpenCache(path, day, clk.now)
		if err != nil {
			t.Fatalf("OpenCache: %v", err)
		}
		links := []Result{{URL: srv.URL + "/gone"}, {URL: srv.URL + "/flaky"}}
		NewChecker(ExternalOptions{Cache: c, FailAfter: failAfter, Sleep: (&sleeps{}).sleep, AfterFunc: neverFires}).Check(context.Background(), links)
		if err := c.Save(); err != nil {
			t.Fatalf("Save: %v", err)
		}
		m := map[string]Result{}
		for _, r := range links {
			m[strings.TrimPrefix(r.URL, srv.URL)] = r
		}
		return m
	}
	want := func(when string, r Result, outcome Outcome, reason string) {
		t.Helper()
		if r.Outcome != outcome || r.Reason != reason {
			t.Errorf("%s: %s is %s %q, want %s %q", when, r.URL, r.Outcome, r.Reason, outcome, reason)
		}
	}

	got := run(3 * day)
	want("new failure", got["/gone"], Warning, "404 Not Found (failing since 2026-01-02T03:04:05Z, fails the check after 2026-01-05T03:04:05Z)")
	want("new failure", got["/flaky"], Warning, "502 Bad Gateway (failing since 2026-01-02T03:04:05Z, fails the check after 2026-01-05T03:04:05Z)")

	clk.advance(day)
	flakyUp.Store(true)
	got = run(3 * day)
	want("a day on", got["/gone"], Warning, "404 Not Found (failing since 2026-01-02T03:04:05Z, fails the check after 2026-01-05T03:04:05Z)")
	want("back up", got["/flaky"], OK, "")

	clk.advance(day)
	flakyUp.Store(false)
	got = run(0)
	want("without FailAfter", got["/gone"], Error, "404 Not Found")
	want("without FailAfter", got["/flaky"], Error, "502 Bad Gateway")

	clk.advance(day)
	hits.Store(0)
	got = run(3 * day)
	want("three days on", got["/gone"], Error, "404 Not Found (failing since 2026-01-02T03:04:05Z)")
	want("failing again since a success", got["/flaky"], Warning, "502 Bad Gateway (failing since 2026-01-04T03:04:05Z, fails the check after 2026-01-07T03:04:05Z)")
	if got["/gone"].Cached || got["/flaky"].Cached || hits.Load() == 0 {
		t.Errorf("failures were read from the cache: %+v, %d requests", got, hits.Load())
	}

	// A quire that does not know failures reads the file's ok entries
	// only: the failing URLs are not among them.
	data, _ := os.ReadFile(path)
	var old struct {
		Entries map[string]cacheEntry `json:"entries"`
	}
	if err := json.Unmarshal(data, &old); err != nil {
		t.Fatal(err)
	}
	if len(old.Entries) != 0 {
		t.Errorf("failing URLs saved as ok entries:\n%s", data)
	}
}

// TestFailuresForgotten: a failure not seen again for forgetFailures is
// dropped when the cache is saved, so a URL failing again later counts
// from then.
func TestFailuresForgotten(t *testing.T) {
	t.Parallel()
	clk := &clock{}
	day0 := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	clk.set(day0)
	path := filepath.Join(t.TempDir(), "linkcache.json")
	c, _ := OpenCache(path, time.Hour, clk.now)
	c.Fail("https://example.org/a", 404)
	c.Fail("https://example.org/b", 404)
	clk.advance(forgetFailures - time.Hour)
	c.Fail("https://example.org/b", 404)
	clk.advance(time.Hour)
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	c, err := OpenCache(path, time.Hour, clk.now)
	if err != nil {
		t.Fatal(err)
	}
	if since, now := c.Fail("https://example.org/a", 404); !since.Equal(now) {
		t.Errorf("a failure last seen %v ago is still remembered since %v", forgetFailures, since)
	}
	if since, _ := c.Fail("https://example.org/b", 404); !since.Equal(day0) {
		t.Errorf("b failing since %v, want %v", since, day0)
	}
}

// TestCacheWithoutFailuresLoads: caches written before failures were
// kept load as they are.
func TestCacheWithoutFailuresLoads(t *testing.T) {
	t.Parallel()
	clk := &clock{}
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	clk.set(now)
	path := filepath.Join(t.TempDir(), "linkcache.json")
	data := `{"format": "quire-linkcache", "version": 2, "entries": {"https://example.org/": {"checked": "2026-01-02T01:00:00Z", "status": 200}}}`
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := OpenCache(path, 24*time.Hour, clk.now)
	if err != nil || !c.Fresh("https://example.org/") {
		t.Fatalf("OpenCache = %v; the ok entry is not fresh", err)
	}
	if since, _ := c.Fail("https://example.org/x", 404); !since.Equal(now) {
		t.Errorf("new failure since %v, want %v", since, now)
	}
}
