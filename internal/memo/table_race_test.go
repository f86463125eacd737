package memo

import (
	"fmt"
	"sync"
	"testing"
)

// TestTableConcurrentBuild: a build's Gets and Puts from many goroutines
// at once (run with -race) keep every Put and count every Get.
func TestTableConcurrentBuild(t *testing.T) {
	t.Parallel()
	const workers, keys = 8, 200
	tb := &Table[string, int]{}
	tb.Begin()
	for i := range keys {
		tb.Put(fmt.Sprint(i), i)
	}
	tb.Commit()
	tb.Begin()
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range keys {
				k := fmt.Sprint(i)
				if i%workers == w {
					tb.Put("new"+k, i)
				}
				if v, ok := tb.Get(k); !ok || v != i {
					t.Errorf("Get(%s) = %d, %v during the build", k, v, ok)
				}
				tb.Get("missing")
				tb.Peek(k)
				tb.Len()
				tb.Stats()
			}
		})
	}
	wg.Wait()
	tb.Commit()
	if n := tb.Len(); n != 2*keys {
		t.Errorf("Len() = %d after the build, want %d", n, 2*keys)
	}
	if h, m := tb.Stats(); h != workers*keys || m != workers*keys {
		t.Errorf("Stats() = %d hits, %d misses; want %d each", h, m, workers*keys)
	}
}

// TestTableLookupsDuringCommits: lookups running while builds begin,
// commit and abort (run with -race) see values that were put, never a
// torn table.
func TestTableLookupsDuringCommits(t *testing.T) {
	t.Parallel()
	tb := &Table[int, int]{}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				if v, ok := tb.Get(i % 10); ok && v != i%10 {
					t.Errorf("Get(%d) = %d", i%10, v)
				}
				tb.Put(i%10, i%10)
			}
		})
	}
	for i := range 200 {
		switch i % 3 {
		case 0:
			tb.Begin()
		case 1:
			tb.BeginKeep()
		}
		tb.Put(i%10, i%10)
		if i%5 == 0 {
			tb.Abort()
		} else {
			tb.Commit()
		}
	}
	close(stop)
	wg.Wait()
}
