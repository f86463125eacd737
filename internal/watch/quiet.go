package watch

import "time"

// Quiet says when a burst of changes is over: a Watcher offers the
// changes it has gathered once Done receives after the last Reset.
type Quiet interface {
	// Reset starts the quiet period anew. The Watcher calls it from its
	// own goroutine after every relevant change.
	Reset()
	// Done receives when the quiet period started by the last Reset is
	// over. A receive with nothing gathered is harmless.
	Done() <-chan time.Time
	// Stop ends the quiet period without Done receiving; the Watcher
	// calls it when it closes.
	Stop()
}

// NewTimer returns the Quiet of a quiet period of d, a time.Timer
// (DefaultDebounce when d is 0 or less).
func NewTimer(d time.Duration) Quiet {
	if d <= 0 {
		d = DefaultDebounce
	}
	t := time.NewTimer(d)
	t.Stop()
	return &timerQuiet{t: t, d: d}
}

type timerQuiet struct {
	t *time.Timer
	d time.Duration
}

// Reset relies on Go 1.23's timers: a Reset discards a value not yet
// received, so Done never reports an earlier quiet period.
func (q *timerQuiet) Reset()                 { q.t.Reset(q.d) }
func (q *timerQuiet) Done() <-chan time.Time { return q.t.C }
func (q *timerQuiet) Stop()                  { q.t.Stop() }
