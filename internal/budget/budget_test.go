package budget

import (
	"context"
	"errors"
	"html/template"
	"io"
	"strings"
	"testing"
	"time"
)

func TestExecStopsPastMaxBytes(t *testing.T) {
	t.Parallel()
	tmpl := template.Must(template.New("t").Parse(`{{ range 1000 }}0123456789{{ end }}`))
	b := Limits{MaxBytes: 100}.Start()
	defer b.Stop()
	var out strings.Builder
	err := b.Exec("layouts/t.html", &out, func(w io.Writer) error { return tmpl.Execute(w, nil) })
	var e *Error
	if !errors.As(err, &e) || e.Timeout() {
		t.Fatalf("Exec = %v, want a bytes *Error", err)
	}
	if want := "rendering with layouts/t.html: output exceeds 100 bytes (limit maxPageBytes)"; e.Error() != want {
		t.Errorf("error = %q, want %q", e.Error(), want)
	}
	if out.Len() > 100 {
		t.Errorf("wrote %d bytes, want at most 100", out.Len())
	}
	if b.Err() != e {
		t.Errorf("Err() = %v, want the error Exec returned", b.Err())
	}
}

func TestNestedExecNamesTheInnermostTemplate(t *testing.T) {
	t.Parallel()
	for _, timeout := range []time.Duration{0, time.Hour} {
		b := Limits{MaxBytes: 1 << 20, Timeout: timeout}.Start()
		var out strings.Builder
		err := b.Exec("layouts/_default/single.html", &out, func(w io.Writer) error {
			io.WriteString(w, "<main>")
			return b.Exec("layouts/partials/big.html", w, func(w io.Writer) error {
				for {
					if _, err := w.Write(make([]byte, 4096)); err != nil {
						return err
					}
				}
			})
		})
		b.Stop()
		if want := "rendering with layouts/partials/big.html: output exceeds 1 MiB (limit maxPageBytes)"; err == nil || err.Error() != want {
			t.Errorf("timeout %v: Exec = %v, want %q", timeout, err, want)
		}
	}
}

// TestExecAbandonsATemplateThatNeverEnds: a template that writes nothing
// and never ends (here it waits on a channel, as {{ range 100000000000 }}
// {{ end }} would spin) fails once the time is up, naming the template
// running then. The test ends the time itself once the inner template
// runs (StartIn); Timeout is an hour, never reached.
func TestExecAbandonsATemplateThatNeverEnds(t *testing.T) {
	t.Parallel()
	never, started := make(chan struct{}), make(chan struct{})
	defer close(never)
	tmpl := template.Must(template.New("t").Funcs(template.FuncMap{
		"wait": func() string { close(started); <-never; return "" },
	}).Parse(`{{ wait }}`))
	ctx, timeUp := context.WithCancel(context.Background())
	go func() { <-started; timeUp() }()
	b := Limits{Timeout: time.Hour}.StartIn(ctx)
	defer b.Stop()
	err := b.Exec("layouts/index.html", io.Discard, func(w io.Writer) error {
		return b.Exec("layouts/partials/loop.html", w, func(w io.Writer) error { return tmpl.Execute(w, nil) })
	})
	var e *Error
	if !errors.As(err, &e) || !e.Timeout() {
		t.Fatalf("Exec = %v, want a timeout *Error", err)
	}
	if want := "rendering with layouts/partials/loop.html: not done after 1h0m0s (limit timeout)"; e.Error() != want {
		t.Errorf("error = %q, want %q", e.Error(), want)
	}
	// Once the time is up, nothing more runs.
	if err := b.Exec("layouts/next.html", io.Discard, func(io.Writer) error { t.Error("ran after the timeout"); return nil }); err != e {
		t.Errorf("Exec after the timeout = %v, want %v", err, e)
	}
}

// TestTimeoutEndsAWritingLoop: with a real, tiny Timeout, a template
// that writes without end fails with a timeout: it never ends, so the
// timeout is the only way out, whether the time is up before it starts or
// while it runs. Its writer is the caller's again once Exec returns.
func TestTimeoutEndsAWritingLoop(t *testing.T) {
	t.Parallel()
	tmpl := template.Must(template.New("t").Parse(`{{ range 100000000000 }}x{{ end }}`))
	b := Limits{Timeout: time.Millisecond}.Start()
	defer b.Stop()
	var out strings.Builder
	err := b.Exec("layouts/loop.html", &out, func(w io.Writer) error { return tmpl.Execute(w, nil) })
	if want := "rendering with layouts/loop.html: not done after 1ms (limit timeout)"; err == nil || err.Error() != want {
		t.Errorf("Exec = %v, want %q", err, want)
	}
	// The abandoned template writes no more to out (go test -race).
	_ = out.String()
}

func TestChargeCountsOutsideWrites(t *testing.T) {
	t.Parallel()
	b := Limits{MaxBytes: 10}.Start()
	defer b.Stop()
	if err := b.Charge("details", 10); err != nil {
		t.Fatalf("Charge(10) = %v, want nil at the limit", err)
	}
	if err := b.Charge("details", 1); err == nil || !strings.Contains(err.Error(), "rendering with details: output exceeds 10 bytes") {
		t.Errorf("Charge past the limit = %v", err)
	}
}

func TestNoLimits(t *testing.T) {
	t.Parallel()
	b := Limits{}.Start()
	defer b.Stop()
	var out strings.Builder
	if err := b.Exec("t", &out, func(w io.Writer) error { _, err := w.Write(make([]byte, 1<<20)); return err }); err != nil || out.Len() != 1<<20 {
		t.Errorf("Exec = %v, wrote %d; want no limit", err, out.Len())
	}
}

func TestPanicBecomesAnError(t *testing.T) {
	t.Parallel()
	b := Limits{Timeout: time.Hour}.Start()
	defer b.Stop()
	err := b.Exec("layouts/x.html", io.Discard, func(io.Writer) error { panic("boom") })
	if err == nil || !strings.Contains(err.Error(), "layouts/x.html: internal error: boom") {
		t.Errorf("Exec = %v, want the panic as an error", err)
	}
}
