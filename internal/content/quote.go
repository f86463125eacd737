package content

import (
	"strconv"
	"unicode/utf8"
)

// maxQuoted is the most characters of a value or key quoted in a message:
// a message names the place, and a value of megabytes would bury it.
const maxQuoted = 60

// maxMessage is the most characters of a decoder's message kept: they
// can quote the input.
const maxMessage = 200

// shorten returns s cut to at most maxQuoted characters, with "…" in
// place of what was cut.
func shorten(s string) string { return shortenTo(s, maxQuoted) }

// shortenTo returns s cut to at most max characters, with "…" in place
// of what was cut.
func shortenTo(s string, max int) string {
	if len(s) <= max || utf8.RuneCountInString(s) <= max {
		return s
	}
	n := 0
	for i := range s {
		if n == max-1 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// quote is strconv.Quote of shorten(s).
func quote(s string) string { return strconv.Quote(shorten(s)) }
