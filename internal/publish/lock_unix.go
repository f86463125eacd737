//go:build unix

package publish

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"

	"golang.org/x/sys/unix"
)

// lockFile takes an exclusive flock on the file name, creating it. The
// holder removes the file before it unlocks, so a waiter that gets the
// lock on a file no longer at name tries again with the new one.
func lockFile(ctx context.Context, name string, waiting func(string)) (func(), error) {
	told := false
	for {
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, fmt.Errorf("publish: lock: %w", err)
		}
		err = flock(f, unix.LOCK_EX|unix.LOCK_NB)
		if errors.Is(err, unix.EWOULDBLOCK) {
			if !told && waiting != nil {
				waiting(holderOf(name))
				told = true
			}
			if err = flockCtx(ctx, f); errors.Is(err, ctx.Err()) && err != nil {
				return nil, err // f is closed once the wait ends
			}
		}
		if err != nil {
			f.Close()
			return nil, err
		}
		if !sameFile(f, name) {
			f.Close() // the holder removed it while this one waited
			continue
		}
		if err := f.Truncate(0); err == nil {
			f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
		}
		return func() {
			os.Remove(name)
			f.Close() // releases the lock
		}, nil
	}
}

// flockCtx waits for the exclusive lock on f until ctx is done. Then it
// returns ctx's error and leaves the wait to end when the holder unlocks,
// closing f (and so releasing the lock) after it.
func flockCtx(ctx context.Context, f *os.File) error {
	done := make(chan error, 1)
	go func() { done <- flock(f, unix.LOCK_EX) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		go func() {
			<-done
			f.Close()
		}()
		return ctx.Err()
	}
}

func flock(f *os.File, how int) error {
	for {
		err := unix.Flock(int(f.Fd()), how)
		if !errors.Is(err, unix.EINTR) {
			if err != nil {
				return fmt.Errorf("publish: lock %s: %w", f.Name(), err)
			}
			return nil
		}
	}
}

// sameFile reports whether f is still the file at name.
func sameFile(f *os.File, name string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Stat(name)
	return err == nil && os.SameFile(a, b)
}
