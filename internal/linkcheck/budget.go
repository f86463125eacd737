package linkcheck

import (
	"context"
	"io"
	"net/http"
	"sync"
	"time"
)

// budget is the time the check of one URL may spend in requests: Timeout,
// shared by every redirect hop, every retry and the reading of bodies, so
// a chain of slow hops cannot take Timeout per hop. Waits for a rate
// limit or between retries are not charged: they are quire's, not the
// server's. It is safe for concurrent use.
type budget struct {
	mu      sync.Mutex
	left    time.Duration
	expired bool
}

type budgetKey struct{}

// withBudget returns ctx carrying a budget of d.
func withBudget(ctx context.Context, d time.Duration) (context.Context, *budget) {
	b := &budget{left: d}
	return context.WithValue(ctx, budgetKey{}, b), b
}

func budgetOf(ctx context.Context) *budget {
	b, _ := ctx.Value(budgetKey{}).(*budget)
	return b
}

func (b *budget) remaining() time.Duration {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.left
}

func (b *budget) charge(d time.Duration) {
	b.mu.Lock()
	b.left -= d
	b.mu.Unlock()
}

func (b *budget) expire() {
	b.mu.Lock()
	b.expired, b.left = true, 0
	b.mu.Unlock()
}

// ranOut reports whether a request ran out of the budget.
func (b *budget) ranOut() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.expired
}

// timeoutError is the error of a request sent with no budget left.
type timeoutError struct{}

func (timeoutError) Error() string   { return "timeout" }
func (timeoutError) Timeout() bool   { return true }
func (timeoutError) Temporary() bool { return false }

// timed is the Doer right around the transport, under the limiter: it
// gives each request what is left of its budget (or timeout, for a
// request without one), ending it when that runs out, and charges the
// time the request took, until its body is closed, to the budget.
type timed struct {
	next      Doer
	timeout   time.Duration
	now       func() time.Time
	afterFunc func(d time.Duration, f func()) (stop func() bool)
}

func (t *timed) Do(req *http.Request) (*http.Response, error) {
	b := budgetOf(req.Context())
	left := t.timeout
	if b != nil {
		left = b.remaining()
	}
	if left <= 0 {
		if b != nil {
			b.expire()
		}
		return nil, timeoutError{}
	}
	ctx, cancel := context.WithCancel(req.Context())
	start := t.now()
	stop := t.afterFunc(left, func() {
		if b != nil {
			b.expire()
		}
		cancel()
	})
	var once sync.Once
	finish := func() {
		once.Do(func() {
			stop()
			cancel()
			if b != nil {
				b.charge(t.now().Sub(start))
			}
		})
	}
	resp, err := t.next.Do(req.WithContext(ctx))
	if err != nil || resp.Body == nil {
		finish()
		return resp, err
	}
	resp.Body = &finishingBody{ReadCloser: resp.Body, finish: finish}
	return resp, nil
}

// finishingBody calls finish once closed.
type finishingBody struct {
	io.ReadCloser
	finish func()
}

func (b *finishingBody) Close() error {
	err := b.ReadCloser.Close()
	b.finish()
	return err
}

func afterFunc(d time.Duration, f func()) func() bool { return time.AfterFunc(d, f).Stop }
