// Package par runs a loop's iterations on all cores.
package par

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls fn(0..n-1) on all cores and waits; it stops starting new
// calls when ctx is done. One worker a core takes the next index as it
// finishes one, so the iterations share their goroutines' grown stacks
// and no iteration waits to be scheduled behind a semaphore.
func Each(ctx context.Context, n int, fn func(i int)) {
	var next atomic.Int64
	work := func() {
		for ctx.Err() == nil {
			i := next.Add(1) - 1
			if i >= int64(n) {
				return
			}
			fn(int(i))
		}
	}
	workers := min(runtime.GOMAXPROCS(0), n)
	var wg sync.WaitGroup
	for range workers - 1 {
		wg.Go(work)
	}
	if workers > 0 {
		work() // the caller is a worker too
	}
	wg.Wait()
}
