//go:build !unix

package server

import "time"

// cpuTime is not measured here; the CPU ratio reads NaN.
func cpuTime() time.Duration { return 0 }
