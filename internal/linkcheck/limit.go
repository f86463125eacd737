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
// counts as being in flight.
type Limiter struct {
	next   Doer
	global chan struct{} // nil: no global limit
	limit  func(host string) HostLimit

	mu    sync.Mutex
	hosts map[string]*gate
}

// gate is one host's limiter.
type gate struct {
	sem     chan struct{}
	limit   HostLimit
	mu      sync.Mutex
	next    time.Time // earliest start of the next request
	waiting int       // requests blocked on sem or the interval; under Limiter.mu
}

// Limit returns a Limiter around next. global <= 0 means no global limit;
// limit gives each host's limits (called once per host).
func Limit(next Doer, global int, limit func(host string) HostLimit) *Limiter {
	l := &Limiter{next: next, limit: limit, hosts: map[string]*gate{}}
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
	if g.limit.Interval > 0 {
		g.mu.Lock()
		now := time.Now()
		start := now
		if g.next.After(now) {
			start = g.next
		}
		g.next = start.Add(g.limit.Interval)
		g.mu.Unlock()
		if err := sleep(ctx, start.Sub(now)); err != nil {
			<-g.sem
			l.wait(g, -1)
			return nil, err
		}
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
	if err != nil || resp.Body == nil {
		release()
		return resp, err
	}
	resp.Body = &releasingBody{ReadCloser: resp.Body, release: release}
	return resp, nil
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
