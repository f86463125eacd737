package funcs

import (
	"fmt"
	"strings"
	"time"
)

// Time is Hugo's time namespace. Now is the build's fixed time, never the
// clock: output depends only on input.
type Time struct{ now time.Time }

// timeLayouts are the layouts AsTime tries, in order.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04",
	"2006-01-02",
	time.RFC1123Z,
	time.RFC1123,
	time.RFC822Z,
	time.RFC822,
	"02 Jan 2006",
	"January 2, 2006",
	"Jan 2, 2006",
}

// AsTime converts a time or a date string (RFC 3339, "2006-01-02", ...)
// to a time.Time, in UTC or in the location named by the optional second
// argument ("America/New_York").
func (Time) AsTime(v any, loc ...any) (time.Time, error) {
	l := time.UTC
	if len(loc) > 0 {
		name, err := str("time.AsTime", loc[0])
		if err != nil {
			return time.Time{}, err
		}
		if l, err = time.LoadLocation(name); err != nil {
			return time.Time{}, fmt.Errorf("time.AsTime: %w", err)
		}
	}
	switch t := v.(type) {
	case time.Time:
		return t, nil
	case *time.Time:
		if t != nil {
			return *t, nil
		}
	}
	s, err := str("time.AsTime", v)
	if err != nil {
		return time.Time{}, err
	}
	return parseTime(s, l)
}

// parseTime parses s with the first of timeLayouts that fits.
func parseTime(s string, l *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range timeLayouts {
		if t, err := time.ParseInLocation(layout, s, l); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("time: cannot parse %q as a date (want e.g. 2006-01-02 or 2006-01-02T15:04:05Z07:00)", s)
}

// Format formats a time or date string with a Go layout or one of Hugo's
// named layouts (":date_long", ...): dateFormat LAYOUT INPUT.
func (t Time) Format(layout string, v any) (string, error) {
	tm, err := t.AsTime(v)
	if err != nil {
		return "", fmt.Errorf("dateFormat: %w", err)
	}
	return tm.Format(goLayout(layout)), nil
}

// goLayout maps Hugo's named layouts (English) to Go layouts; any other
// layout is returned as it is.
func goLayout(layout string) string {
	switch layout {
	case ":date_full":
		return "Monday, January 2, 2006"
	case ":date_long":
		return "January 2, 2006"
	case ":date_medium":
		return "Jan 2, 2006"
	case ":date_short":
		return "1/2/06"
	case ":time_full":
		return "3:04:05 pm MST"
	case ":time_long":
		return "3:04:05 pm MST"
	case ":time_medium":
		return "3:04:05 pm"
	case ":time_short":
		return "3:04 pm"
	}
	return layout
}

// Now returns the build's time.
func (t Time) Now() time.Time { return t.now }

// ParseDuration parses a Go duration ("1h30m").
func (Time) ParseDuration(s any) (time.Duration, error) {
	x, err := str("time.ParseDuration", s)
	if err != nil {
		return 0, err
	}
	d, err := time.ParseDuration(x)
	if err != nil {
		return 0, fmt.Errorf("time.ParseDuration: %w", err)
	}
	return d, nil
}

// Duration returns n units as a duration: time.Duration "s" 30.
func (Time) Duration(unit, n any) (time.Duration, error) {
	u, err := str("time.Duration", unit)
	if err != nil {
		return 0, err
	}
	f, err := toFloat(n)
	if err != nil {
		return 0, fmt.Errorf("time.Duration: %w", err)
	}
	var d time.Duration
	switch u {
	case "ns", "nanosecond":
		d = time.Nanosecond
	case "us", "µs", "microsecond":
		d = time.Microsecond
	case "ms", "millisecond":
		d = time.Millisecond
	case "s", "second":
		d = time.Second
	case "m", "minute":
		d = time.Minute
	case "h", "hour":
		d = time.Hour
	default:
		return 0, fmt.Errorf("time.Duration: unknown unit %q (want ns, us, ms, s, m or h)", u)
	}
	return time.Duration(f * float64(d)), nil
}
