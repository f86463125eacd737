package cli

import (
	"math"
	"testing"
)

// TestMemoryLimit: a build sets its soft memory limit unless GOMEMLIMIT
// is set or a lower limit is in force.
func TestMemoryLimit(t *testing.T) {
	t.Parallel()
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == "GOMEMLIMIT" {
				return v
			}
			return ""
		}
	}
	tests := []struct {
		gomemlimit string
		current    int64
		want       int64
	}{
		{"", math.MaxInt64, buildMemoryLimit}, // the runtime's default: no limit
		{"8GiB", 8 << 30, -1},
		{"off", math.MaxInt64, -1},
		{"", 1 << 30, -1},
		{"", buildMemoryLimit, -1},
	}
	for _, tt := range tests {
		if got := memoryLimit(env(tt.gomemlimit), tt.current); got != tt.want {
			t.Errorf("memoryLimit(GOMEMLIMIT=%q, current %d) = %d, want %d", tt.gomemlimit, tt.current, got, tt.want)
		}
	}
}
