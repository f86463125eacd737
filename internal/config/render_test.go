package config

import (
	"strings"
	"testing"
	"time"
)

func TestRenderLimits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		want      Render
		err       string
	}{
		{"Defaults", "", Render{Timeout: 30 * time.Second, MaxPageBytes: 64 << 20}, ""},
		{"Set", "timeout = \"2m\"\nmaxPageBytes = 1048576\n", Render{Timeout: 2 * time.Minute, MaxPageBytes: 1 << 20}, ""},
		{"ZeroIsNoLimit", "timeout = \"0s\"\nmaxPageBytes = 0\n", Render{}, ""},
		{"CaseInsensitive", "TIMEOUT = \"1s\"\nmaxpagebytes = 10\n", Render{Timeout: time.Second, MaxPageBytes: 10}, ""},
		{"BadDuration", "timeout = \"soon\"\n", Render{}, `1:1: timeout: "soon" is not a valid duration`},
		{"NegativeBytes", "maxPageBytes = -1\n", Render{}, "1:1: maxPageBytes: -1 is out of range"},
		{"BytesNotAString", "maxPageBytes = \"64MiB\"\n", Render{}, "1:1: maxPageBytes: expected an integer, got a string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cfg, warns, err := Parse([]byte(tt.src))
			if len(warns) > 0 {
				t.Errorf("warnings: %v", warns)
			}
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Errorf("Parse(%q) error = %v, want %q", tt.src, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.src, err)
			}
			if cfg.Render != tt.want {
				t.Errorf("Parse(%q).Render = %+v, want %+v", tt.src, cfg.Render, tt.want)
			}
		})
	}
}
