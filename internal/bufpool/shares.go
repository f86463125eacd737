package bufpool

import "bytes"

// Shares reports whether data is a slice of buf's bytes (of the array
// buf.Bytes() is a slice of), as the output of a step that may return its
// input (a page left unminified) is: then buf must not be Put back while
// data is in use. Slices of one array end their capacity at the same
// element.
func Shares(data []byte, buf *bytes.Buffer) bool {
	b := buf.Bytes()
	if cap(data) == 0 || cap(b) == 0 {
		return false
	}
	return &data[:cap(data)][cap(data)-1] == &b[:cap(b)][cap(b)-1]
}
