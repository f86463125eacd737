package cli

import (
	"os"
	"runtime/debug"
)

// buildMemoryLimit is the soft memory limit quire build runs under unless
// GOMEMLIMIT is set. Without one, the Go runtime lets the heap grow to
// twice what survived the last collection (GOGC=100), which is most of a
// large site's peak; near the limit it collects more often instead. A
// site that needs more still builds, spending more time collecting.
const buildMemoryLimit = 3 << 30

// memoryLimit returns the soft limit a build should set, or -1 to leave
// the current one: GOMEMLIMIT (from getenv) or a limit already at or
// below buildMemoryLimit wins.
func memoryLimit(getenv func(string) string, current int64) int64 {
	if getenv("GOMEMLIMIT") != "" || current <= buildMemoryLimit {
		return -1
	}
	return buildMemoryLimit
}

// withMemoryLimit sets the build's soft memory limit (see memoryLimit)
// and returns the function that puts the previous one back.
func withMemoryLimit() (restore func()) {
	limit := memoryLimit(os.Getenv, debug.SetMemoryLimit(-1))
	if limit < 0 {
		return func() {}
	}
	prev := debug.SetMemoryLimit(limit)
	return func() { debug.SetMemoryLimit(prev) }
}
