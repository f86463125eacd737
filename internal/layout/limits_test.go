package layout

import (
	"bytes"
	"errors"
	"testing"
	"testing/fstest"
	"time"

	"github.com/quire-docs/quire/internal/budget"
)

// TestPageLimits: a page whose templates write without end fails with an
// error naming the template that was running, once past the page's bytes
// or its time. The templates never end, so the limit is the only way out:
// nothing here depends on how fast the machine is. (Which template a
// timeout names when partials nest: budget's tests, which end the time
// themselves.)
func TestPageLimits(t *testing.T) {
	t.Parallel()
	const loop = `{{ range 100000000000 }}0123456789{{ end }}`
	tests := []struct {
		name   string
		files  fstest.MapFS
		limits budget.Limits
		want   string
	}{
		{"BytesInAPartial", fstest.MapFS{
			"_default/single.html": {Data: []byte(`{{ define "main" }}{{ partial "y.html" . }}{{ end }}`)},
			"partials/y.html":      {Data: []byte(loop)},
		}, budget.Limits{MaxBytes: 64 << 10}, "rendering with layouts/partials/y.html: output exceeds 64 KiB (limit maxPageBytes)"},
		// A whole page (no "main"): no theme partial runs before the loop.
		{"BytesInTheMainTemplate", fstest.MapFS{
			"_default/single.html": {Data: []byte(`<!doctype html>` + loop)},
		}, budget.Limits{MaxBytes: 1000}, "rendering with layouts/_default/single.html: output exceeds 1000 bytes (limit maxPageBytes)"},
		// A string doubled in a variable, never written.
		{"BytesMadeByPrintf", fstest.MapFS{
			"_default/single.html": {Data: []byte(`<!doctype html>{{ $x := "0123456789" }}{{ range 20 }}{{ $x = printf "%s%s" $x $x }}{{ end }}{{ len $x }}`)},
		}, budget.Limits{MaxBytes: 1 << 20}, "rendering with layouts/_default/single.html: output exceeds 1 MiB (limit maxPageBytes)"},
		// The only template that runs is the one that never ends.
		{"Time", fstest.MapFS{
			"_default/single.html": {Data: []byte(`<!doctype html>` + loop)},
		}, budget.Limits{MaxBytes: 1 << 40, Timeout: time.Millisecond}, "rendering with layouts/_default/single.html: not done after 1ms (limit timeout)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tm := mustNew(t, tt.files)
			tm.SetLimits(tt.limits)
			var buf bytes.Buffer
			err := tm.Page(&buf, fixture()["install"])
			var be *budget.Error
			if !errors.As(err, &be) {
				t.Fatalf("Page = %v, want a *budget.Error", err)
			}
			if err.Error() != tt.want {
				t.Errorf("Page = %q, want %q", err, tt.want)
			}
			if buf.Len() != 0 {
				t.Errorf("Page wrote %d bytes on failure", buf.Len())
			}
		})
	}
}

// TestPageWithinLimits: the default theme renders within small limits.
func TestPageWithinLimits(t *testing.T) {
	t.Parallel()
	tm := mustNew(t, nil)
	tm.SetLimits(budget.Limits{MaxBytes: 1 << 20, Timeout: time.Hour})
	for name, p := range fixture() {
		var buf bytes.Buffer
		if err := tm.Page(&buf, p); err != nil || buf.Len() == 0 {
			t.Errorf("%s: Page = %v, %d bytes", name, err, buf.Len())
		}
	}
}
