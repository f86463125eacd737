package publish

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// lockName is the name of the lock file beside the output directory base.
func lockName(base string) string {
	return "." + base + ".quire-lock"
}

// Lock takes the lock on the output directory dir, so that two builds
// into dir (a save hook and a manual build) run one after the other: both
// staging, swapping and cleaning up beside dir at once would undo each
// other's work. The lock is a file ".NAME.quire-lock" beside dir holding
// the holder's process id; it is removed by unlock.
//
// When another process holds the lock, Lock calls waiting once with a
// description of the holder ("process 1234") and waits until it is
// released or ctx is done (then it returns ctx's error). On Unix the lock
// is flock(2), released by the system when the holder exits however it
// ends, so a killed build never leaves a stale lock; on other systems
// Lock takes no lock and returns at once.
//
// Lock creates dir's parent if needed.
func Lock(ctx context.Context, dir string, waiting func(holder string)) (unlock func(), err error) {
	parent, base := splitDir(dir)
	if err := os.MkdirAll(parent, dirPerm); err != nil {
		return nil, fmt.Errorf("publish: %w", err)
	}
	unlock, err = lockFile(ctx, filepath.Join(parent, lockName(base)), waiting)
	if err != nil && ctx.Err() == nil {
		return nil, fmt.Errorf("%w (hint: quire writes a lock file and a staging directory next to the output directory %s "+
			"and needs write access to its parent)", err, dir)
	}
	return unlock, err
}

// holderOf describes the process named in the lock file at name.
func holderOf(name string) string {
	data, _ := os.ReadFile(name)
	if pid, err := strconv.Atoi(strings.TrimSpace(string(data))); err == nil && pid > 0 {
		return "process " + strconv.Itoa(pid)
	}
	return "another process" // it has not written its id yet
}
