package linkcheck

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// clock is a settable time source.
type clock struct{ t atomic.Int64 }

func (c *clock) now() time.Time          { return time.Unix(0, c.t.Load()) }
func (c *clock) set(t time.Time)         { c.t.Store(t.UnixNano()) }
func (c *clock) advance(d time.Duration) { c.t.Add(int64(d)) }

func TestCache(t *testing.T) {
	t.Parallel()
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		switch r.URL.Path {
		case "/gone":
			http.NotFound(w, r)
		case "/busy":
			w.WriteHeader(http.StatusTooManyRequests)
		}
	}))
	t.Cleanup(srv.Close)
	path := filepath.Join(t.TempDir(), ".quire", "linkcache.json")
	clk := &clock{}
	clk.set(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))

	run := func() []Result {
		t.Helper()
		c, err := OpenCache(path, 24*time.Hour, clk.now)
		if err != nil {
			t.Fatalf("OpenCache: %v", err)
		}
		links := []Result{{URL: srv.URL + "/ok"}, {URL: srv.URL + "/gone"}, {URL: srv.URL + "/busy"}}
		NewChecker(ExternalOptions{Cache: c, Sleep: (&sleeps{}).sleep, AfterFunc: neverFires}).Check(context.Background(), links)
		if err := c.Save(); err != nil {
			t.Fatalf("Save: %v", err)
		}
		return links
	}
	byURL := func(rs []Result) map[string]Result {
		m := map[string]Result{}
		for _, r := range rs {
			m[strings.TrimPrefix(r.URL, srv.URL)] = r
		}
		return m
	}

	first := byURL(run())
	if first["/ok"].Cached || first["/ok"].Outcome != OK {
		t.Fatalf("first run: %+v", first["/ok"])
	}
	data, _ := os.ReadFile(path)
	var file cacheFile
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	_, okEntry := file.Entries[srv.URL+"/ok"]
	_, goneFailure := file.Failures[srv.URL+"/gone"]
	if !okEntry || len(file.Entries) != 1 || !goneFailure || len(file.Failures) != 1 {
		t.Errorf("cache file should hold the ok URL as ok, the error as a failure, not the warning:\n%s", data)
	}

	hits.Store(0)
	clk.advance(23 * time.Hour)
	second := byURL(run())
	if !second["/ok"].Cached || second["/ok"].Outcome != OK {
		t.Errorf("within the TTL: %+v, want ok from the cache", second["/ok"])
	}
	if second["/gone"].Cached || second["/gone"].Outcome != Error || second["/busy"].Cached || second["/busy"].Outcome != Warning {
		t.Errorf("failures and warnings came from the cache: %+v %+v", second["/gone"], second["/busy"])
	}
	// /gone: HEAD + GET; /busy: HEAD with no retries; /ok: nothing.
	if n := hits.Load(); n != 3 {
		t.Errorf("second run made %d requests, want 3 (none for the cached URL)", n)
	}

	clk.advance(2 * time.Hour) // 25h after the first check
	if third := byURL(run()); third["/ok"].Cached {
		t.Errorf("after the TTL: %+v came from the cache", third["/ok"])
	}
}

func TestCacheCorrupted(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, data := range map[string]string{
		"version.json": `{"format": "quire-linkcache", "version": 99, "entries": {}}`,
		"entries.json": `{"format": "quire-linkcache", "version": 2, "entries": {"u": "not an entry"}}`,
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := OpenCache(path, time.Hour, nil)
		if err == nil || !strings.Contains(err.Error(), "ignored") {
			t.Errorf("%s: warning = %v, want one saying the cache is ignored", name, err)
		}
		if c == nil || c.Fresh("https://example.org/") {
			t.Fatalf("%s: a corrupted cache is not an empty, usable one", name)
		}
		c.Put("https://example.org/", 200)
		if err := c.Save(); err != nil {
			t.Errorf("%s: Save: %v", name, err)
		}
		if c2, err := OpenCache(path, time.Hour, nil); err != nil || !c2.Fresh("https://example.org/") {
			t.Errorf("%s: rewritten cache not readable: %v", name, err)
		}
	}
}

// TestCacheRefusesOtherFiles: a file that is not a quire cache (the
// config, a page, any JSON without the cache's format field) or a
// directory is never taken for one, so it is never overwritten. Version
// 1's files, which had no format field, still are caches.
func TestCacheRefusesOtherFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, data := range map[string]string{
		"config.toml":   "title = \"T\"\n[linkcheck]\ncacheFile = \"config.toml\"\n",
		"garbage.json":  "{not json",
		"package.json":  `{"name": "x", "version": "1.0.0"}`,
		"other.json":    `{"version": 1, "entries": []}`,
		"empty.json":    "",
		"array.json":    `[1, 2]`,
		"wrongfmt.json": `{"format": "something-else", "version": 2, "entries": {}}`,
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := OpenCache(path, time.Hour, nil)
		if c != nil || !errors.Is(err, ErrNotCache) {
			t.Errorf("%s: OpenCache = %v, %v; want no cache and ErrNotCache", name, c, err)
		}
		if got, _ := os.ReadFile(path); string(got) != data {
			t.Errorf("%s: changed to %q", name, got)
		}
	}
	if c, err := OpenCache(dir, time.Hour, nil); c != nil || !errors.Is(err, ErrNotCache) {
		t.Errorf("a directory: OpenCache = %v, %v; want no cache and ErrNotCache", c, err)
	}
	unreadable := filepath.Join(dir, "unreadable.json")
	if err := os.WriteFile(unreadable, []byte("secret"), 0o000); err != nil {
		t.Fatal(err)
	}
	if _, err := os.ReadFile(unreadable); err == nil {
		t.Log("running as a user who reads any file: the unreadable case is not tested")
	} else if c, err := OpenCache(unreadable, time.Hour, nil); c != nil || err == nil {
		t.Errorf("an unreadable file: OpenCache = %v, %v; want no cache and an error", c, err)
	}
	v1 := filepath.Join(dir, "v1.json")
	if err := os.WriteFile(v1, []byte(`{"version": 1, "entries": {}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if c, err := OpenCache(v1, time.Hour, nil); c == nil || errors.Is(err, ErrNotCache) {
		t.Errorf("a version 1 cache: OpenCache = %v, %v; want an empty cache to rewrite", c, err)
	}
}

// TestCacheFutureEntry: an entry checked after now (a clock set back, a
// hand-edited file) is not fresh, and is not saved again, so a link
// that broke is not kept "ok" forever.
func TestCacheFutureEntry(t *testing.T) {
	t.Parallel()
	clk := &clock{}
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	clk.set(now)
	path := filepath.Join(t.TempDir(), "linkcache.json")
	data := fmt.Sprintf(`{"format": "quire-linkcache", "version": 2, "entries": {
		"https://example.org/future": {"checked": %q, "status": 200},
		"https://example.org/recent": {"checked": %q, "status": 200}}}`,
		now.Add(time.Hour).Format(time.RFC3339), now.Add(-time.Hour).Format(time.RFC3339))
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := OpenCache(path, 24*time.Hour, clk.now)
	if err != nil {
		t.Fatal(err)
	}
	if c.Fresh("https://example.org/future") {
		t.Error("an entry checked in the future is fresh")
	}
	if !c.Fresh("https://example.org/recent") {
		t.Error("an entry checked an hour ago is not fresh")
	}
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	saved, _ := os.ReadFile(path)
	if strings.Contains(string(saved), "/future") || !strings.Contains(string(saved), "/recent") {
		t.Errorf("saved cache:\n%s\nwant only the recent entry", saved)
	}
}
