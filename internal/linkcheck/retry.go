package linkcheck

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"sync/atomic"
	"syscall"
	"time"
)

// Doer sends one HTTP request. *http.Client is one; the decorators below
// wrap one another around it: Retry(Limit(client)).
type Doer interface {
	Do(req *http.Request) (*http.Response, error)
}

// DoerFunc adapts a function to Doer.
type DoerFunc func(*http.Request) (*http.Response, error)

// Do calls f.
func (f DoerFunc) Do(r *http.Request) (*http.Response, error) { return f(r) }

// RetryOptions configure Retry.
type RetryOptions struct {
	Retries       int           // after the first attempt
	Backoff       time.Duration // first wait, doubled each retry (default 500ms)
	MaxBackoff    time.Duration // cap of the doubling (default 10s)
	MaxRetryAfter time.Duration // longest Retry-After honoured; a longer one ends the retries
	// MaxRateLimitWait is the longest wait for the reset of a spent rate
	// limit (see rateLimit) that a 403 or 429 saying so is retried
	// after; a later reset ends the retries.
	MaxRateLimitWait time.Duration
	// Sleep waits for d or until ctx is done; nil uses a timer. Tests
	// replace it to run without waiting.
	Sleep func(ctx context.Context, d time.Duration) error
	Now   func() time.Time // for Retry-After dates; nil is time.Now
	// HostPauses says a Limiter under Retry (see Limiter.PauseHosts)
	// waits out each Retry-After for the whole host: Retry then does
	// not wait for it again.
	HostPauses bool
}

// Retry returns a Doer that repeats requests that failed in a way that may
// pass: timeouts, connection errors, 408, 429 and 5xx (but 501 and 505),
// and a 403 saying the rate limit is spent. It waits with
// exponential backoff, each wait drawn from [d/2, d], or until the reset
// of a spent rate limit when that is no further than MaxRateLimitWait,
// or as long as the response's Retry-After says (seconds or an HTTP date)
// when that is no longer than MaxRetryAfter. Requests must have no body.
// The response of the last attempt is returned as is.
func Retry(next Doer, o RetryOptions) Doer {
	if o.Backoff <= 0 {
		o.Backoff = 500 * time.Millisecond
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = 10 * time.Second
	}
	if o.Sleep == nil {
		o.Sleep = sleep
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return DoerFunc(func(req *http.Request) (*http.Response, error) {
		wait := o.Backoff
		tries, _ := req.Context().Value(attemptsKey{}).(*atomic.Int32)
		b := budgetOf(req.Context())
		for attempt := 0; ; attempt++ {
			if tries != nil {
				tries.Add(1)
			}
			resp, err := next.Do(req)
			if attempt >= o.Retries || req.Context().Err() != nil || b != nil && b.ranOut() || !retryable(resp, err) {
				return resp, err
			}
			d := wait/2 + rand.N(wait/2+1)
			wait = min(2*wait, o.MaxBackoff)
			if resp != nil {
				if reset, ok := rateLimit(resp.Header, o.Now()); ok && rateLimitedStatus(resp.StatusCode) {
					left := max(reset.Sub(o.Now()), 0)
					if left > o.MaxRateLimitWait {
						return resp, err
					}
					d = left
					if o.HostPauses {
						d = 0 // the limiter waits
					}
				} else if ra, ok := retryAfter(resp.Header.Get("Retry-After"), o.Now()); ok {
					if ra > o.MaxRetryAfter {
						return resp, err
					}
					d = ra
					if o.HostPauses && pausing(resp) {
						d = 0 // the limiter waits
					}
				}
				drain(resp.Body)
			}
			if d == 0 {
				continue // the limiter below waits
			}
			if err := o.Sleep(req.Context(), d); err != nil {
				return nil, err
			}
		}
	})
}

// attemptsKey keys the counter of requests Retry makes for one call, in
// the request's context (see countAttempts).
type attemptsKey struct{}

// countAttempts returns ctx with a counter Retry adds each attempt to, so
// messages say how many requests were made, not how many were allowed.
func countAttempts(ctx context.Context) (context.Context, *atomic.Int32) {
	n := new(atomic.Int32)
	return context.WithValue(ctx, attemptsKey{}, n), n
}

// retryable reports whether a response or error may go away on its own.
// Errors may when the network or the server failed: timeouts, refused or
// reset connections, a temporary DNS failure. Errors about the request
// itself never change: a host that does not exist, an invalid address or
// port, a certificate not trusted, a Location header that is no URL.
func retryable(resp *http.Response, err error) bool {
	if err != nil {
		return retryableError(err)
	}
	c := resp.StatusCode
	if c == http.StatusNotImplemented || c == http.StatusHTTPVersionNotSupported {
		return false // the server says it will never do this
	}
	if c == http.StatusForbidden {
		_, spent := rateLimit(resp.Header, time.Time{})
		return spent
	}
	return c == http.StatusRequestTimeout || c == http.StatusTooManyRequests || c >= 500 && c <= 599
}

func retryableError(err error) bool {
	var dns *net.DNSError
	var addr *net.AddrError
	var ne net.Error
	var op *net.OpError
	switch {
	case errors.As(err, &dns):
		return !dns.IsNotFound
	case errors.As(err, &addr), tlsError(err):
		return false
	case errors.As(err, &ne) && ne.Timeout():
		return true
	case errors.As(err, &op):
		return true // dial, read and write errors of the connection
	}
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED)
}

// pausing reports whether a Limiter pauses the host for resp's
// Retry-After (see Limiter.pause).
func pausing(resp *http.Response) bool {
	return resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable
}

// retryAfter parses a Retry-After value: delay seconds or an HTTP date.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	if v == "" {
		return 0, false
	}
	if n, err := strconv.Atoi(v); err == nil {
		if n < 0 {
			return 0, false
		}
		return time.Duration(min(n, 1<<31)) * time.Second, true // capped: no overflow
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// drain reads a little of body so the connection can be reused, then
// closes it.
func drain(body io.ReadCloser) {
	if body == nil {
		return
	}
	_, _ = io.CopyN(io.Discard, body, 4<<10)
	_ = body.Close()
}

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// tlsError reports whether err is a certificate the client does not
// trust: asking again will not change it.
func tlsError(err error) bool {
	var cert *tls.CertificateVerificationError
	var unknown x509.UnknownAuthorityError
	var host x509.HostnameError
	return errors.As(err, &cert) || errors.As(err, &unknown) || errors.As(err, &host)
}
