package minify

import (
	"strconv"

	tdm "github.com/tdewolff/minify/v2"
)

// Int returns integer n as the JSON minifier of File writes it: "1000"
// becomes "1e3". A JSON document built of parts can then write its numbers
// in their minified form and need not be minified as a whole.
func Int(n int) string {
	return string(tdm.Number(strconv.AppendInt(nil, int64(n), 10), 0))
}
