package memo

import "sync/atomic"

// Counts say what a build did with a memo, for quire serve's log and its
// tests: how many results it made anew and how many it took from the
// memo. A quick rebuild asks only for what it makes again, so it counts
// the rest of the site's results as taken (Quick). Safe for concurrent
// use; the zero value counts nothing yet.
type Counts struct {
	made, taken atomic.Int64
}

// Reset starts a build's counts at zero.
func (c *Counts) Reset() {
	c.made.Store(0)
	c.taken.Store(0)
}

// Made counts a result made anew.
func (c *Counts) Made() { c.made.Add(1) }

// Taken counts a result taken from the memo.
func (c *Counts) Taken() { c.taken.Add(1) }

// Quick ends a quick rebuild of a site of n results: those it did not
// make were taken.
func (c *Counts) Quick(n int) { c.taken.Store(int64(n) - c.made.Load()) }

// Last returns the counts of the running or last build.
func (c *Counts) Last() (made, taken int) {
	return int(c.made.Load()), int(c.taken.Load())
}
