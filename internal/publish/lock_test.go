//go:build unix

package publish

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestLockSecondWaitsForFirst: a second Lock on one output directory says
// which process holds it and returns only once the first is released.
func TestLockSecondWaitsForFirst(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out", "public")
	unlock1, err := Lock(context.Background(), dir, func(h string) { t.Errorf("first Lock waited for %s", h) })
	if err != nil {
		t.Fatal(err)
	}
	waiting := make(chan string, 1)
	got := make(chan func(), 1)
	go func() {
		unlock, err := Lock(context.Background(), dir, func(h string) { waiting <- h })
		if err != nil {
			t.Error(err)
		}
		got <- unlock
	}()
	if h, want := <-waiting, "process "+strconv.Itoa(os.Getpid()); h != want {
		t.Errorf("second Lock waits for %q, want %q", h, want)
	}
	select {
	case <-got:
		t.Fatal("second Lock returned while the first holds the lock")
	default:
	}
	unlock1()
	unlock2 := <-got
	if unlock2 == nil {
		t.Fatal("second Lock failed")
	}
	lock := filepath.Join(filepath.Dir(dir), lockName("public"))
	if b, err := os.ReadFile(lock); err != nil || string(b) != strconv.Itoa(os.Getpid())+"\n" {
		t.Errorf("lock file holds %q, %v, want the holder's pid", b, err)
	}
	unlock2()
	if _, err := os.Stat(lock); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("lock file after unlock: %v, want it removed", err)
	}
}

// TestLockWaitEndsWithContext: a Lock waiting for another is canceled with
// its context, and the holder keeps the lock.
func TestLockWaitEndsWithContext(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "public")
	unlock, err := Lock(context.Background(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	ctx, cancel := context.WithCancel(context.Background())
	_, err = Lock(ctx, dir, func(string) { cancel() })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Lock = %v, want context.Canceled", err)
	}
	if _, err := Lock(ctx, dir, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("Lock after cancel = %v, want context.Canceled", err)
	}
}
