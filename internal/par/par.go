// Package par runs a loop's iterations on all cores.
package par

import (
	"context"
	"runtime"

	"golang.org/x/sync/errgroup"
)

// Each calls fn(0..n-1) on all cores and waits; it stops starting new
// calls when ctx is done.
func Each(ctx context.Context, n int, fn func(i int)) {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := 0; i < n; i++ {
		if ctx.Err() != nil {
			break
		}
		g.Go(func() error { fn(i); return nil })
	}
	_ = g.Wait()
}
