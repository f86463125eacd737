package linkcheck

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"
)

func TestProgressWanted(t *testing.T) {
	t.Parallel()
	noCI := func(string) string { return "" }
	ci := func(k string) string {
		if k == "CI" {
			return "true"
		}
		return ""
	}
	if ProgressWanted(&bytes.Buffer{}, noCI) {
		t.Error("progress wanted on a buffer")
	}
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if ProgressWanted(f, noCI) {
		t.Error("progress wanted on a regular file")
	}
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	if ProgressWanted(null, noCI) {
		t.Error("progress wanted on /dev/null, a character device but no terminal")
	}
	if ProgressWanted(os.Stderr, ci) {
		t.Error("progress wanted with CI set")
	}
}

func TestShowProgress(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	stop := ShowProgress(&buf, time.Hour, func() (int, int, int) { return 12, 2000, 3 })
	stop()
	out := buf.String()
	if !strings.HasPrefix(out, "\rlinks: 12/2000 checked, 3 hosts waiting on rate limits") {
		t.Errorf("progress line = %q", out)
	}
	if !strings.HasSuffix(out, "\r") || strings.Count(out, "\r") != 3 {
		t.Errorf("stop did not erase the line: %q", out)
	}
}

// TestCheckerProgress: Progress counts the URLs checked and the hosts
// whose requests are held back by their limits, what the progress line
// shows.
func TestCheckerProgress(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	started := make(chan struct{}, 10)
	fake := DoerFunc(func(r *http.Request) (*http.Response, error) {
		started <- struct{}{}
		<-release
		return &http.Response{StatusCode: 200, Body: http.NoBody, Header: http.Header{}, Request: r}, nil
	})
	c := NewChecker(ExternalOptions{Doer: fake, HostConcurrency: 1, AfterFunc: neverFires})
	changed := make(chan struct{}, 1)
	c.limiter.onWait = func() {
		select {
		case changed <- struct{}{}:
		default:
		}
	}
	links := []Result{{URL: "https://a.example/1"}, {URL: "https://a.example/2"}, {URL: "https://b.example/1"}}
	done := make(chan struct{})
	go func() { c.Check(context.Background(), links); close(done) }()
	<-started
	<-started // one request to each host is in flight; a's second waits
	// Wait for the limiter to count it: each change of the count is an
	// event, so no time passes on a guess.
	for {
		if _, _, w := c.Progress(); w == 1 {
			break
		}
		<-changed
	}
	if d, total, _ := c.Progress(); d != 0 || total != 3 {
		t.Errorf("while waiting: %d/%d checked, want 0/3", d, total)
	}
	close(release)
	<-done
	if d, total, w := c.Progress(); d != 3 || total != 3 || w != 0 {
		t.Errorf("after Check: %d/%d checked, %d waiting, want 3/3 and 0", d, total, w)
	}
}
