package linkcheck

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"
)

// HostLimit is how hard one host may be asked.
type HostLimit struct {
	Concurrency int           // requests in flight at once, at least 1
	Interval    time.Duration // least time between the starts of two requests
}

// Limiter is a Doer that holds requests back: at most Global in flight
// overall and, per host, HostLimit's concurrency and interval. A request
// holds its slots until its response body is closed, so reading a body
// counts as being in flight. A 429 or 503 with a Retry-After pauses every
// request to its host for that long (see PauseHosts): the server asked
// the client, not the URL, to wait. So does a response saying the host's
// rate limit is spent, until its reset (see WaitRateLimits).
type Limiter struct {
	next   Doer
	global chan struct{} // nil: no global limit
	limit  func(host string) HostLimit

	now      func() time.Time
	sleep    func(ctx context.Context, d time.Duration) error
	maxPause time.Duration // longest Retry-After honoured; 0: none
	// rateLimits says spent rate limits are read (WaitRateLimits);
	// maxRateWait is the longest wait for one's reset.
	rateLimits  bool
	maxRateWait time.Duration
	onWait      func() // called after the count of waiting requests changes (tests)

	mu    sync.Mutex
	hosts map[string]*gate
}

// gate is one host's limiter.
type gate struct {
	sem     chan struct{}
	limit   HostLimit
	mu      sync.Mutex
	next    time.Time // earliest start of the next request (interval)
	paused  time.Time // no request starts before (Retry-After, a rate limit's reset)
	blocked time.Time // no request is sent before: the rate limit is spent until later than the wait allowed
	waiting int       // requests blocked on sem or the interval; under Limiter.mu
}

// Limit returns a Limiter around next. global <= 0 means no global limit;
// limit gives each host's limits (called once per host).
func Limit(next Doer, global int, limit func(host string) HostLimit) *Limiter {
	l := &Limiter{next: next, limit: limit, hosts: map[string]*gate{}, now: time.Now, sleep: sleep}
	if global > 0 {
		l.global = make(chan struct{}, global)
	}
	return l
}

// Do waits for a slot of the request's host and its interval, then for a
// global slot, and sends the request.
func (l *Limiter) Do(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	g := l.gate(strings.ToLower(req.URL.Hostname()))
	l.wait(g, +1)
	if err := acquire(ctx, g.sem); err != nil {
		l.wait(g, -1)
		return nil, err
	}
	err := l.await(ctx, g)
	if err == nil {
		err = l.blockedErr(g)
	}
	if err != nil {
		<-g.sem
		l.wait(g, -1)
		return nil, err
	}
	l.wait(g, -1)
	release := func() { <-g.sem }
	if l.global != nil {
		if err := acquire(ctx, l.global); err != nil {
			release()
			return nil, err
		}
		release = func() { <-l.global; <-g.sem }
	}
	resp, err := l.next.Do(req)
	if err == nil {
		l.pause(g, resp)
	}
	if err != nil || resp.Body == nil {
		release()
		return resp, err
	}
	resp.Body = &releasingBody{ReadCloser: resp.Body, release: release}
	return resp, nil
}

// PauseHosts makes a 429 or 503 response with a Retry-After of at most
// max pause its host; a longer one pauses it for max. now and sleep are
// the clock (nil: the real one).
func (l *Limiter) PauseHosts(max time.Duration, now func() time.Time, sleep func(ctx context.Context, d time.Duration) error) {
	l.maxPause = max
	if now != nil {
		l.now = now
	}
	if sleep != nil {
		l.sleep = sleep
	}
}

// WaitRateLimits makes a response saying its host's rate limit is spent
// (see rateLimit) pause the host until the reset, when that is at most
// max away. A later reset blocks the host instead: until then its
// requests fail at once with a *rateLimitedError, unsent, as sending
// them would only be refused.
func (l *Limiter) WaitRateLimits(max time.Duration) {
	l.rateLimits, l.maxRateWait = true, max
}

// blockedErr returns the error of a request to g while its host is
// blocked, nil when it is not.
func (l *Limiter) blockedErr(g *gate) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.blocked.After(l.now()) {
		return &rateLimitedError{until: g.blocked}
	}
	return nil
}

// await waits until g may start a request: after any pause of its host,
// and an interval after the last start. A pause waited for once is over,
// whatever the clock says after the sleep (a test's sleep need not move
// it); only a later pause is waited for again.
func (l *Limiter) await(ctx context.Context, g *gate) error {
	var waited time.Time // the pause already waited for
	for {
		g.mu.Lock()
		now := l.now()
		if p := g.paused; p.After(now) && !p.Equal(waited) {
			g.mu.Unlock()
			if err := l.sleep(ctx, p.Sub(now)); err != nil {
				return err
			}
			waited = p
			continue
		}
		start := now
		if g.limit.Interval > 0 {
			if g.next.After(now) {
				start = g.next
			}
			g.next = start.Add(g.limit.Interval)
		}
		paused := g.paused
		g.mu.Unlock()
		if !start.After(now) {
			return nil
		}
		if err := l.sleep(ctx, start.Sub(now)); err != nil {
			return err
		}
		g.mu.Lock()
		again := !g.paused.Equal(paused) && g.paused.After(l.now())
		g.mu.Unlock()
		if !again {
			return nil
		}
		// Paused while waiting for the interval: wait for the pause.
	}
}

// pause pauses g's host as resp's Retry-After asks, if it does, and
// until the reset of a spent rate limit (or blocks it, past the longest
// wait).
func (l *Limiter) pause(g *gate, resp *http.Response) {
	now := l.now()
	var until, blocked time.Time
	if l.maxPause > 0 && pausing(resp) {
		if d, ok := retryAfter(resp.Header.Get("Retry-After"), now); ok && d > 0 {
			until = now.Add(min(d, l.maxPause))
		}
	}
	if l.rateLimits {
		if reset, ok := rateLimit(resp.Header, now); ok && reset.After(now) {
			if reset.Sub(now) <= l.maxRateWait {
				until = later(until, reset)
			} else {
				blocked = reset
			}
		}
	}
	g.mu.Lock()
	g.paused = later(g.paused, until)
	g.blocked = later(g.blocked, blocked)
	g.mu.Unlock()
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// Waiting returns how many hosts have requests held back by their limits.
func (l *Limiter) Waiting() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, g := range l.hosts {
		if g.waiting > 0 {
			n++
		}
	}
	return n
}

func (l *Limiter) gate(host string) *gate {
	l.mu.Lock()
	defer l.mu.Unlock()
	g := l.hosts[host]
	if g == nil {
		lim := l.limit(host)
		lim.Concurrency = max(lim.Concurrency, 1)
		g = &gate{sem: make(chan struct{}, lim.Concurrency), limit: lim}
		l.hosts[host] = g
	}
	return g
}

func (l *Limiter) wait(g *gate, d int) {
	l.mu.Lock()
	g.waiting += d
	l.mu.Unlock()
	if l.onWait != nil {
		l.onWait()
	}
}

func acquire(ctx context.Context, sem chan struct{}) error {
	select {
	case sem <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// releasingBody gives the limiter's slots back when closed, once.
type releasingBody struct {
	io.ReadCloser
	once    sync.Once
	release func()
}

func (b *releasingBody) Close() error {
	err := b.ReadCloser.Close()
	b.once.Do(b.release)
	return err
}
