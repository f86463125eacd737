package cli

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// buildTime returns the time templates' now gives: --now when given (an
// RFC 3339 time or a date), else SOURCE_DATE_EPOCH (seconds since 1970,
// the reproducible-builds convention) when set, else the clock's.
// getenv and clock are os.Getenv and time.Now outside tests.
func buildTime(flag string, getenv func(string) string, clock func() time.Time) (time.Time, error) {
	if flag != "" {
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
			if t, err := time.ParseInLocation(layout, flag, time.UTC); err == nil {
				return t, nil
			}
		}
		return time.Time{}, usagef("--now %s: want a time such as 2024-01-01T00:00:00Z or 2024-01-01", flag)
	}
	if s := strings.TrimSpace(getenv("SOURCE_DATE_EPOCH")); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%s: want seconds since 1970-01-01 UTC, such as 1704067200", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return clock().UTC().Truncate(time.Second), nil
}
