package linkcheck

import (
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// rateLimit reads what a response says of its server's rate limit, and
// reports whether the limit is spent and until when:
//
//   - X-RateLimit-Remaining: 0 with X-RateLimit-Reset, the time of the
//     reset in unix seconds (GitHub's, and many APIs'); a value too
//     small to be a date (under 10^9) is read as seconds from now, as
//     some APIs send it;
//   - RateLimit-Remaining: 0 with RateLimit-Reset, seconds from now (the
//     IETF draft's separate fields);
//   - RateLimit with a policy whose r (remaining) is 0, reset after its
//     t seconds (the IETF draft's structured field: `"default";r=0;t=30`),
//     or remaining=0 with reset=N (its earlier single field:
//     `limit=100, remaining=0, reset=30`).
//
// When several say so, the latest reset wins. A remaining count of 0
// without a reset says nothing of when to try again, so it is not taken.
func rateLimit(h http.Header, now time.Time) (until time.Time, spent bool) {
	later := func(t time.Time) {
		if !spent || t.After(until) {
			until, spent = t, true
		}
	}
	if zero(h.Get("X-Ratelimit-Remaining")) {
		if n, ok := seconds(h.Get("X-Ratelimit-Reset")); ok {
			if n >= 1e9 {
				later(time.Unix(n, 0))
			} else {
				later(now.Add(time.Duration(n) * time.Second))
			}
		}
	}
	if zero(h.Get("Ratelimit-Remaining")) {
		if n, ok := seconds(h.Get("Ratelimit-Reset")); ok {
			later(now.Add(time.Duration(n) * time.Second))
		}
	}
	if v := h.Values("Ratelimit"); len(v) > 0 {
		if n, ok := ietfRateLimit(strings.Join(v, ",")); ok {
			later(now.Add(time.Duration(n) * time.Second))
		}
	}
	return until, spent
}

// ietfRateLimit returns the seconds until the reset of a spent policy of
// a RateLimit field, in either of the IETF draft's forms: a list of
// policies with parameters (`"burst";r=0;t=1, "daily";r=10;t=3600`), or
// one policy spread over the list (`limit=100, remaining=0, reset=30`).
func ietfRateLimit(v string) (int64, bool) {
	var best int64
	found := false
	flat := map[string]string{} // the earlier form's members
	for _, item := range strings.Split(v, ",") {
		params := map[string]string{}
		for _, p := range strings.Split(item, ";") {
			k, val, ok := strings.Cut(strings.TrimSpace(p), "=")
			if !ok {
				continue
			}
			k, val = strings.ToLower(strings.TrimSpace(k)), strings.Trim(strings.TrimSpace(val), `"`)
			params[k] = val
			flat[k] = val
		}
		if zero(params["r"]) {
			if n, ok := seconds(params["t"]); ok && (!found || n > best) {
				best, found = n, true
			}
		}
	}
	if zero(flat["remaining"]) {
		if n, ok := seconds(flat["reset"]); ok && (!found || n > best) {
			best, found = n, true
		}
	}
	return best, found
}

// seconds parses a non-negative number of seconds ("30", or "1.5" as
// some APIs send), rounded up and capped so that a Duration of it cannot
// overflow.
func seconds(s string) (int64, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || !(f >= 0) {
		return 0, false
	}
	return int64(math.Ceil(min(f, 1<<32))), true
}

// zero reports whether a remaining count is 0 ("0", or "0.0").
func zero(s string) bool {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return err == nil && f == 0
}

// rateLimitedStatus reports whether code is one a server answers a
// request with when its rate limit is spent: 429, or GitHub's 403.
func rateLimitedStatus(code int) bool {
	return code == http.StatusTooManyRequests || code == http.StatusForbidden
}

// rateLimitedError is the error of a request not sent because its host's
// rate limit is spent until later than the longest wait allowed.
type rateLimitedError struct{ until time.Time }

func (e *rateLimitedError) Error() string {
	return "rate limited until " + stamp(e.until) + " (the host's limit is spent; not requested)"
}

// stamp formats a time for messages (a reset, a first failure): UTC, to
// the second.
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }
