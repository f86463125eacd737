package linkcheck

import (
	"context"
	"fmt"
	"time"
)

// failEntry is a URL that failed (its outcome was an error) on every
// check from First to Last; a success in between would have removed it.
type failEntry struct {
	First  time.Time `json:"firstFailed"`
	Last   time.Time `json:"lastFailed"`
	Status int       `json:"status,omitempty"`
}

// forgetFailures is how long a failure is remembered after it was last
// seen: a URL no site page cites any more, or that nobody checked for
// that long, starts afresh.
const forgetFailures = 30 * 24 * time.Hour

// remembered reports whether a failure is still kept: last seen less
// than forgetFailures ago (and not in the future).
func (c *Cache) remembered(e failEntry) bool {
	age := c.now().Sub(e.Last)
	return age >= 0 && age < forgetFailures
}

// Fail records that key failed now with status, and returns since when
// it has failed without a success in between (now, for a new failure)
// and now, by the cache's clock. It forgets an ok entry of key.
func (c *Cache) Fail(key string, status int) (since, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	now = c.now().UTC().Truncate(time.Second)
	e, ok := c.failures[key]
	if !ok || !c.remembered(e) || now.Before(e.First) {
		e = failEntry{First: now}
	}
	e.Last, e.Status = now, status
	c.failures[key] = e
	delete(c.entries, key)
	return e.First, now
}

// failing records an error verdict on u in the cache (when there is one)
// and, with FailAfter, makes it a warning while u has failed for less
// than FailAfter: one flaky host does not fail every check, while a link
// that stays broken does once it has been broken that long. A check
// ended by ctx (Ctrl-C) is no failure of u, and is not recorded.
func (c *Checker) failing(ctx context.Context, u string, v verdict) verdict {
	if v.outcome != Error || c.o.Cache == nil || ctx.Err() != nil {
		return v
	}
	since, now := c.o.Cache.Fail(u, v.status)
	if c.o.FailAfter <= 0 {
		return v
	}
	until := since.Add(c.o.FailAfter)
	if now.Before(until) {
		v.outcome = Warning
		v.reason += fmt.Sprintf(" (failing since %s, fails the check after %s)", stamp(since), stamp(until))
	} else {
		v.reason += fmt.Sprintf(" (failing since %s)", stamp(since))
	}
	return v
}
