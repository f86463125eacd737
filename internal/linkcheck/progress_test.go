package linkcheck

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
)

func TestProgressWanted(t *testing.T) {
	t.Parallel()
	noCI := func(string) string { return "" }
	ci := func(k string) string {
		if k == "CI" {
			return "true"
		}
		return ""
	}
	if ProgressWanted(&bytes.Buffer{}, noCI) {
		t.Error("progress wanted on a buffer")
	}
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if ProgressWanted(f, noCI) {
		t.Error("progress wanted on a regular file")
	}
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	if ProgressWanted(null, noCI) {
		t.Error("progress wanted on /dev/null, a character device but no terminal")
	}
	if ProgressWanted(os.Stderr, ci) {
		t.Error("progress wanted with CI set")
	}
}

func TestShowProgress(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	stop := ShowProgress(&buf, time.Hour, func() (int, int, int) { return 12, 2000, 3 })
	stop()
	out := buf.String()
	if !strings.HasPrefix(out, "\rlinks: 12/2000 checked, 3 hosts waiting on rate limits") {
		t.Errorf("progress line = %q", out)
	}
	if !strings.HasSuffix(out, "\r") || strings.Count(out, "\r") != 3 {
		t.Errorf("stop did not erase the line: %q", out)
	}
}
