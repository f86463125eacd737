package server

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestLoad keeps 64 clients fetching pages, each with a live-reload
// stream open, for 10 s while files change on disk (edits, a page added
// and removed, a broken page fixed): no request fails, every stream
// hears of rebuilds, the heap does not grow, and nothing is left running
// afterwards. Not parallel: it counts goroutines and measures the heap.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("10 s load test; skipped with -short")
	}
	const clients = 64
	const duration = 10 * time.Second
	before := runtime.NumGoroutine()

	var archive strings.Builder
	archive.WriteString("-- config.toml --\ntitle = 'Load'\n")
	var targets []string
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&archive, "-- content/s%d/p%d.md --\n---\ntitle: Page %d\nweight: %d\n---\n## Part\n\nText of page %d.\n", i%3, i, i, i, i)
		targets = append(targets, fmt.Sprintf("/s%d/p%d/", i%3, i))
	}
	targets = append(targets, "/", "/s0/", "/sitemap.xml", "/s1/p1")
	dir := writeSite(t, archive.String())
	s, log := newServer(t, dir, false)
	s.opts.Debounce = 50 * time.Millisecond
	targets = append(targets, fileURL(t, s, ".css"))
	ts := httptest.NewServer(s)
	stop := startRun(t, s)

	transport := &http.Transport{MaxIdleConnsPerHost: clients}
	client := &http.Client{
		Transport:     transport,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	ctx, cancel := context.WithTimeout(context.Background(), duration)
	defer cancel()

	// Streams outlive the fetching: on a loaded machine the last rebuild
	// may finish after it, and every stream must hear of one.
	streamCtx, cancelStreams := context.WithCancel(context.Background())
	defer cancelStreams()
	var wg, streams sync.WaitGroup
	var requests, failures atomic.Int64
	var firstErr atomic.Value
	fail := func(format string, args ...any) {
		if failures.Add(1) == 1 {
			firstErr.Store(fmt.Sprintf(format, args...))
		}
	}
	events := make([]atomic.Int64, clients)
	// heard[c] is closed once client c's stream has had two events: the
	// build it connected to, and a rebuild.
	heard := make([]chan struct{}, clients)
	for c := range heard {
		heard[c] = make(chan struct{})
	}
	for c := 0; c < clients; c++ {
		// The client's stream.
		streams.Add(1)
		go func() {
			defer streams.Done()
			req, _ := http.NewRequestWithContext(streamCtx, http.MethodGet, ts.URL+livereloadPath, nil)
			res, err := client.Do(req)
			if err != nil {
				fail("stream %d: %v", c, err)
				return
			}
			defer res.Body.Close()
			r := bufio.NewReader(res.Body)
			for {
				line, err := r.ReadString('\n')
				if err != nil {
					if streamCtx.Err() == nil {
						fail("stream %d ended early: %v", c, err)
					}
					return
				}
				if strings.HasPrefix(line, "data: ") && events[c].Add(1) == 2 {
					close(heard[c])
				}
			}
		}()
		// The client's page fetches.
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := c; ctx.Err() == nil; i++ {
				target := targets[i%len(targets)]
				req, _ := http.NewRequestWithContext(ctx, http.MethodGet, ts.URL+target, nil)
				res, err := client.Do(req)
				if err != nil {
					if ctx.Err() == nil {
						fail("GET %s: %v", target, err)
					}
					return
				}
				body, err := io.ReadAll(res.Body)
				res.Body.Close()
				requests.Add(1)
				switch {
				case err != nil && ctx.Err() == nil:
					fail("GET %s: reading: %v", target, err)
				case err != nil:
				case target == "/s1/p1" && res.StatusCode != http.StatusFound:
					fail("GET %s: status %d, want 302", target, res.StatusCode)
				case target != "/s1/p1" && res.StatusCode != http.StatusOK:
					fail("GET %s: status %d", target, res.StatusCode)
				case len(body) == 0 && target != "/s1/p1":
					fail("GET %s: empty body", target)
				}
			}
		}()
	}

	// Change files while the clients run; measure the heap once the
	// first rebuilds are done and again at the end.
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	var heapStart uint64
	edits := 0
	tick := time.NewTicker(150 * time.Millisecond)
	for done := false; !done; {
		select {
		case <-ctx.Done():
			done = true
		case <-tick.C:
			edits++
			switch edits % 10 {
			case 3:
				writeFile(t, dir, "content/s2/extra.md", "---\ntitle: Extra\n---\nExtra.\n")
			case 6:
				writeFile(t, dir, "content/s1/p4.md", "---\ntitle: [broken\n---\n")
			default:
				writeFile(t, dir, fmt.Sprintf("content/s%d/p%d.md", edits%3, edits%3),
					fmt.Sprintf("---\ntitle: Page %d\nweight: %d\n---\nEdit %d.\n", edits%3, edits%3, edits))
				writeFile(t, dir, "content/s1/p4.md", "---\ntitle: Page 4\nweight: 4\n---\nText.\n")
			}
			if edits == 10 {
				heapStart = heap()
			}
		}
	}
	tick.Stop()
	wg.Wait()
	// Wait for every stream to hear of a rebuild, however long the last
	// one takes on a loaded machine; a stream that never does fails the
	// test after two minutes (a guard against hanging, not a measure).
	allHeard := true
	give := time.After(2 * time.Minute)
	for c := range heard {
		select {
		case <-heard[c]:
		case <-give:
			allHeard = false
		}
		if !allHeard {
			break
		}
	}
	cancelStreams()
	streams.Wait()
	heapEnd := heap()
	versions := s.state.Load().version

	if n := failures.Load(); n > 0 {
		t.Errorf("%d of %d requests failed; first: %v", n, requests.Load(), firstErr.Load())
	}
	if !allHeard {
		t.Errorf("not every stream heard of a rebuild (%d builds); log:\n%s", versions, log)
	}
	t.Logf("%d requests, %d builds, heap %d KiB → %d KiB", requests.Load(), versions, heapStart>>10, heapEnd>>10)
	if heapEnd > heapStart+heapStart/2+8<<20 {
		t.Errorf("heap grew from %d KiB to %d KiB", heapStart>>10, heapEnd>>10)
	}

	stop()
	transport.CloseIdleConnections()
	ts.Close()
	waitGoroutines(t, before)
}
