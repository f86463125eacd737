package memo

import (
	"sync"
	"testing"
)

// TestCounts: counts from many goroutines add up; a quick rebuild counts
// what it did not make as taken; Reset starts again.
func TestCounts(t *testing.T) {
	t.Parallel()
	var c Counts
	var wg sync.WaitGroup
	for i := range 40 {
		wg.Go(func() {
			if i%4 == 0 {
				c.Made()
			} else {
				c.Taken()
			}
		})
	}
	wg.Wait()
	if made, taken := c.Last(); made != 10 || taken != 30 {
		t.Errorf("Last = %d, %d; want 10, 30", made, taken)
	}
	c.Reset()
	c.Made()
	c.Made()
	c.Quick(100)
	if made, taken := c.Last(); made != 2 || taken != 98 {
		t.Errorf("after a quick rebuild of 100: Last = %d, %d; want 2, 98", made, taken)
	}
}
