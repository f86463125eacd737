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
	// Sleep waits for d or until ctx is done; nil uses a timer. Tests
	// replace it to run without waiting.
	Sleep func(ctx context.Context, d time.Duration) error
	Now   func() time.Time // for Retry-After dates; nil is time.Now
}

// Retry returns a Doer that repeats requests that failed in a way that may
// pass: timeouts, connection errors, 408, 429 and 5xx (but 501 and 505).
// It waits with
// exponential backoff, each wait drawn from [d/2, d], or as long as the
// response's Retry-After says (seconds or an HTTP date) when that is no
// longer than MaxRetryAfter. Requests must have no body. The response of
// the last attempt is returned as is.
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
		for attempt := 0; ; attempt++ {
			resp, err := next.Do(req)
			if attempt >= o.Retries || req.Context().Err() != nil || !retryable(resp, err) {
				return resp, err
			}
			d := wait/2 + rand.N(wait/2+1)
			wait = min(2*wait, o.MaxBackoff)
			if resp != nil {
				if ra, ok := retryAfter(resp.Header.Get("Retry-After"), o.Now()); ok {
					if ra > o.MaxRetryAfter {
						return resp, err
					}
					d = ra
				}
				drain(resp.Body)
			}
			if err := o.Sleep(req.Context(), d); err != nil {
				return nil, err
			}
		}
	})
}

// retryable reports whether a response or error may go away on its own.
func retryable(resp *http.Response, err error) bool {
	if err != nil {
		var dns *net.DNSError
		return !(errors.As(err, &dns) && dns.IsNotFound) && !tlsError(err)
	}
	c := resp.StatusCode
	if c == http.StatusNotImplemented || c == http.StatusHTTPVersionNotSupported {
		return false // the server says it will never do this
	}
	return c == http.StatusRequestTimeout || c == http.StatusTooManyRequests || c >= 500 && c <= 599
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
