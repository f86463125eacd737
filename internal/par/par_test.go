package par

import (
	"context"
	"sync/atomic"
	"testing"
)

// TestEachCallsEveryIndexOnce: every index in [0, n) is called once.
func TestEachCallsEveryIndexOnce(t *testing.T) {
	t.Parallel()
	const n = 1000
	var calls [n]atomic.Int32
	Each(context.Background(), n, func(i int) { calls[i].Add(1) })
	for i := range calls {
		if c := calls[i].Load(); c != 1 {
			t.Fatalf("index %d called %d times", i, c)
		}
	}
}

// TestEachStopsWhenCanceled: a canceled context starts no call.
func TestEachStopsWhenCanceled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var calls atomic.Int32
	Each(ctx, 100, func(int) { calls.Add(1) })
	if c := calls.Load(); c != 0 {
		t.Errorf("%d calls after cancel, want 0", c)
	}
}

func TestEachFewerThanCores(t *testing.T) {
	t.Parallel()
	for _, n := range []int{0, 1} {
		var calls atomic.Int32
		Each(context.Background(), n, func(int) { calls.Add(1) })
		if c := calls.Load(); int(c) != n {
			t.Errorf("n=%d: %d calls", n, c)
		}
	}
}
