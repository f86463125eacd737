package linkcheck

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestTimeoutWholeRequest: timeout bounds the time in requests of a
// whole check, every redirect hop included, not each hop: with hops of
// 1s each on the clock and a timeout of 5s, the sixth hop is never sent.
func TestTimeoutWholeRequest(t *testing.T) {
	t.Parallel()
	clk := &clock{}
	clk.set(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	var n atomic.Int32
	hops := DoerFunc(func(r *http.Request) (*http.Response, error) {
		n.Add(1)
		clk.advance(time.Second) // each hop takes 1s
		var i int
		fmt.Sscanf(r.URL.Path, "/%d", &i)
		h := http.Header{"Location": {fmt.Sprintf("/%d", i+1)}}
		return &http.Response{StatusCode: http.StatusFound, Header: h, Body: http.NoBody, Request: r}, nil
	})
	r := check(t, ExternalOptions{Doer: hops, Timeout: 5 * time.Second, MaxRedirects: 10, Retries: 3, Now: clk.now}, "https://hops.example/0")
	expect(t, r, Error, 0, "timed out (timeout 5s)")
	if n.Load() != 5 {
		t.Errorf("%d hops sent, want 5: 5s of a 5s timeout were spent on the first five", n.Load())
	}
}

// stallingBody gives its text, then stalls until ctx is done, calling
// stalled first: a page whose server stops sending mid-way.
type stallingBody struct {
	ctx     context.Context
	text    *strings.Reader
	stalled func()
}

func (b *stallingBody) Read(p []byte) (int, error) {
	if b.text.Len() > 0 {
		return b.text.Read(p)
	}
	b.stalled()
	<-b.ctx.Done()
	return 0, b.ctx.Err()
}

func (b *stallingBody) Close() error { return nil }

// TestAnchorBodyTimesOut: with anchors checked, a page whose body stalls
// until the timeout is a timeout, not a page without the anchor; one
// canceled (Ctrl-C) is canceled.
func TestAnchorBodyTimesOut(t *testing.T) {
	t.Parallel()
	// fire is the running request's timer: the body calls it when it
	// stalls, as if the timeout ran out then.
	var fire atomic.Value
	timer := func(d time.Duration, f func()) func() bool {
		fire.Store(f)
		return func() bool { return true }
	}
	stalls := DoerFunc(func(r *http.Request) (*http.Response, error) {
		body := &stallingBody{ctx: r.Context(), text: strings.NewReader(`<html><h1 id="a">A</h1><p>`), stalled: func() { fire.Load().(func())() }}
		return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(body), Request: r}, nil
	})
	links := []Result{{URL: "https://slow.example/page#b", Kind: External}, {URL: "https://slow.example/page#a", Kind: External}}
	NewChecker(ExternalOptions{Doer: stalls, Anchors: true, Timeout: 7 * time.Second, AfterFunc: timer, Sleep: (&sleeps{}).sleep}).Check(context.Background(), links)
	for _, r := range links {
		expect(t, r, Error, 200, "timed out reading the page (timeout 7s)")
	}

	ctx, cancel := context.WithCancel(context.Background())
	canceled := DoerFunc(func(r *http.Request) (*http.Response, error) {
		body := &stallingBody{ctx: r.Context(), text: strings.NewReader(`<html><p>`), stalled: cancel}
		return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(body), Request: r}, nil
	})
	rs := []Result{{URL: "https://slow.example/page#b", Kind: External}}
	NewChecker(ExternalOptions{Doer: canceled, Anchors: true, Sleep: (&sleeps{}).sleep, AfterFunc: neverFires}).Check(ctx, rs)
	expect(t, rs[0], Error, 200, "reading the page: canceled")
}
