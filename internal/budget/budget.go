// Package budget bounds the rendering of one page: the bytes its templates
// and shortcodes write, and the time they take.
package budget

import (
	"context"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// Limits are the bounds of one page's rendering; a zero field is no bound.
type Limits struct {
	MaxBytes int64         // config maxPageBytes
	Timeout  time.Duration // config timeout
}

// Budget is what is left of Limits for one rendering that started: one
// page's templates, or one page body's shortcodes. Its writers and Exec
// may be used from one goroutine at a time; Err from any.
type Budget struct {
	limits  Limits
	ctx     context.Context
	cancel  context.CancelFunc
	used    atomic.Int64
	cur     atomic.Pointer[string] // the innermost template running
	running atomic.Bool            // an Exec is under way: nested ones run inline
	err     atomic.Pointer[Error]  // the first limit reached
}

// Start starts the clock of a rendering bounded by l. The caller calls
// Stop when the rendering is done.
func (l Limits) Start() *Budget { return l.StartIn(context.Background()) }

// StartIn is Start where the time is also up once ctx is done: tests end
// the time with it when they choose.
func (l Limits) StartIn(ctx context.Context) *Budget {
	b := &Budget{limits: l}
	if l.Timeout > 0 {
		b.ctx, b.cancel = context.WithTimeout(ctx, l.Timeout)
	} else {
		b.ctx, b.cancel = context.WithCancel(ctx)
	}
	return b
}

// Stop releases the clock.
func (b *Budget) Stop() { b.cancel() }

// Err returns the first limit reached, or nil.
func (b *Budget) Err() *Error { return b.err.Load() }

// Exec runs exec, a template's Execute, as the template name (how
// messages name it: "layouts/partials/nav.html") writing to w through a
// writer that fails once the rendering has written more than MaxBytes
// in all, or has run longer than Timeout.
//
// html/template cannot be stopped: a loop that writes nothing, such as
// {{ range 100000000000 }}{{ end }}, would run on. So with a Timeout the
// outermost Exec runs exec in a goroutine of its own and, once the time is
// up, returns without waiting for it; that goroutine stops at its next
// write or runs on until the process ends. It never writes to w after Exec
// returned, so the caller may read w, but it must not reuse anything else
// exec touches (layout does not return the template set to its pool).
// Nested Execs (a partial inside a page) run in the caller's goroutine.
func (b *Budget) Exec(name string, w io.Writer, exec func(io.Writer) error) error {
	if err := b.Err(); err != nil {
		return err
	}
	if err := b.ctx.Err(); err != nil {
		return b.fail(&Error{Template: name, limits: b.limits, timeout: true})
	}
	prev := b.cur.Swap(&name)
	defer b.cur.Store(prev)
	if bw, ok := w.(*writer); ok && bw.b == b {
		w = bw.w // charged once, to the innermost template
	}
	lw := &writer{b: b, w: w, name: name}
	if b.limits.Timeout <= 0 || b.running.Load() {
		return exec(lw)
	}
	b.running.Store(true)
	done := make(chan error, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- fmt.Errorf("%s: internal error: %v", name, p)
			}
		}()
		done <- exec(lw)
	}()
	select {
	case err := <-done:
		b.running.Store(false)
		return err
	case <-b.ctx.Done():
		// The goroutine may still be running, in any template; from
		// now on it writes nothing to w, which is the caller's again.
		lw.abandon()
		cur := name
		if p := b.cur.Load(); p != nil {
			cur = *p
		}
		return b.fail(&Error{Template: cur, limits: b.limits, timeout: true})
	}
}

// Charge counts n bytes written by name other than through Exec's writer
// (a shortcode built into Go) and reports whether a limit is reached.
func (b *Budget) Charge(name string, n int) error {
	if err := b.Err(); err != nil {
		return err
	}
	if b.ctx.Err() != nil {
		return b.fail(&Error{Template: name, limits: b.limits, timeout: true})
	}
	if used := b.used.Add(int64(n)); b.limits.MaxBytes > 0 && used > b.limits.MaxBytes {
		return b.fail(&Error{Template: name, limits: b.limits})
	}
	return nil
}

// Made counts n bytes a template func made for the template running (a
// string printf built, which the template may keep in a variable rather
// than write), as Charge does.
func (b *Budget) Made(n int) error {
	name := ""
	if p := b.cur.Load(); p != nil {
		name = *p
	}
	return b.Charge(name, n)
}

// fail records e unless a limit was reached already, and returns the
// first one.
func (b *Budget) fail(e *Error) *Error {
	b.err.CompareAndSwap(nil, e)
	return b.err.Load()
}

// writer charges what it writes to its budget.
type writer struct {
	b    *Budget
	w    io.Writer
	name string

	mu        sync.Mutex // held while writing to w
	abandoned bool       // Exec returned without waiting: w is not ours
}

func (w *writer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.abandoned {
		return 0, w.b.fail(&Error{Template: w.name, limits: w.b.limits, timeout: true})
	}
	if err := w.b.Charge(w.name, len(p)); err != nil {
		return 0, err
	}
	return w.w.Write(p)
}

// abandon waits for a write in progress, and has later ones fail without
// touching w.
func (w *writer) abandon() {
	w.mu.Lock()
	w.abandoned = true
	w.mu.Unlock()
}

// Error is a limit reached while Template was running. Its message is
// "rendering with layouts/partials/y.html: output exceeds 64 MiB (limit
// maxPageBytes)"; the caller adds the page.
type Error struct {
	Template string
	limits   Limits
	timeout  bool
}

func (e *Error) Error() string {
	if e.timeout {
		return fmt.Sprintf("rendering with %s: not done after %s (limit timeout)", e.Template, e.limits.Timeout)
	}
	return fmt.Sprintf("rendering with %s: output exceeds %s (limit maxPageBytes)", e.Template, size(e.limits.MaxBytes))
}

// Timeout reports whether the time ran out (else the bytes did).
func (e *Error) Timeout() bool { return e.timeout }

// size writes n bytes as people read it: "64 MiB", "1 KiB", "1000 bytes".
func size(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
