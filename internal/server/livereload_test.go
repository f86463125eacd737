package server

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"
)

// stream is a client of the live-reload stream.
type stream struct {
	t    testing.TB
	body io.ReadCloser
	r    *bufio.Reader
}

func openStream(t testing.TB, url string) *stream {
	t.Helper()
	// No keep-alive, so no idle connection outlives the test.
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	res, err := client.Get(url + livereloadPath)
	if err != nil {
		t.Fatal(err)
	}
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("live-reload Content-Type %q", ct)
	}
	st := &stream{t: t, body: res.Body, r: bufio.NewReader(res.Body)}
	t.Cleanup(func() { res.Body.Close() })
	return st
}

// next returns the data of the next "build" event.
func (st *stream) next() string {
	st.t.Helper()
	event := ""
	for {
		line, err := st.r.ReadString('\n')
		if err != nil {
			st.t.Fatalf("stream: %v", err)
		}
		line = strings.TrimRight(line, "\n")
		switch {
		case line == "event: build":
			event = "build"
		case strings.HasPrefix(line, "data: ") && event == "build":
			return strings.TrimPrefix(line, "data: ")
		}
	}
}

// ends fails unless the stream ends.
func (st *stream) ends() {
	st.t.Helper()
	if _, err := io.Copy(io.Discard, st.r); err != nil {
		st.t.Fatalf("stream ended with %v", err)
	}
}

// TestLivereloadStream: a client learns the current build on connecting
// and every build after; closing the server ends the stream.
func TestLivereloadStream(t *testing.T) {
	t.Parallel()
	s, _ := newServer(t, writeSite(t, basicSite), false)
	ts := httptest.NewServer(s)
	defer ts.Close()
	st := openStream(t, ts.URL)
	if v := st.next(); v != s.buildID(1) {
		t.Fatalf("first event %q, want build 1", v)
	}
	build(t, s)
	if v := st.next(); v != s.buildID(2) {
		t.Fatalf("after a build: event %q, want build 2", v)
	}
	// A failed build is announced too: the page reloads into the overlay.
	writeFile(t, s.opts.Root, "config.toml", "title = [")
	build(t, s)
	if v := st.next(); v != s.buildID(3) {
		t.Fatalf("after a failed build: event %q, want build 3", v)
	}
	if r := do(t, s, http.MethodHead, livereloadPath); r.Code != http.StatusOK || r.Body != "" {
		t.Errorf("HEAD %s: %d %q", livereloadPath, r.Code, r.Body)
	}
	s.Close()
	st.ends()
	if n := s.hub.count(); n != 0 {
		t.Errorf("%d streams still subscribed after Close", n)
	}
	if r := get(t, s, livereloadPath); r.Code != http.StatusServiceUnavailable {
		t.Errorf("stream after Close: status %d, want 503", r.Code)
	}
}

// TestRun: editing a file on disk rebuilds the site and announces it;
// cancelling Run stops the watcher and ends every stream, leaving no
// goroutine behind. Not parallel: it counts goroutines.
func TestRun(t *testing.T) {
	before := runtime.NumGoroutine()
	dir := writeSite(t, basicSite)
	s, log := newServer(t, dir, false)
	s.opts.Debounce = 20 * time.Millisecond
	ts := httptest.NewServer(s)
	st := openStream(t, ts.URL)
	if v := st.next(); v != s.buildID(1) {
		t.Fatalf("first event %q", v)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	<-s.ready
	writeFile(t, dir, "content/docs/a.md", "---\ntitle: Alpha\n---\nAlpha edited on disk.\n")
	// A slow machine may see the write in two bursts, and rebuild twice:
	// what counts is that the last rebuild announced serves the edit.
	for !strings.Contains(get(t, s, "/docs/a/").Body, "Alpha edited on disk.") {
		st.next()
	}
	if !strings.Contains(log.String(), "changed: content/docs/a.md") {
		t.Errorf("terminal does not name the change:\n%s", log)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(time.Minute): // a guard against hanging, not a measure
		t.Fatal("Run still running a minute after cancel")
	}
	st.ends()
	st.body.Close()
	ts.Close()
	waitGoroutines(t, before)
}

// waitGoroutines waits for the goroutine count to drop to n: a goroutine
// that was told to stop may not have been scheduled to return yet. It
// fails only when the count is still higher a minute later (a leak, not
// a slow machine), with every goroutine's stack.
func waitGoroutines(t testing.TB, n int) {
	t.Helper()
	give := time.After(time.Minute)
	for runtime.NumGoroutine() > n {
		select {
		case <-give:
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines, want %d:\n%s", runtime.NumGoroutine(), n, buf[:runtime.Stack(buf, true)])
		case <-time.After(time.Millisecond): // let the exiting goroutines run
		}
	}
}
