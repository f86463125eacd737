package site

// sameArray reports whether a and b share their backing array (slices of
// one array end their capacity at the same element).
func sameArray(a, b []byte) bool {
	if cap(a) == 0 || cap(b) == 0 {
		return false
	}
	return &a[:cap(a)][cap(a)-1] == &b[:cap(b)][cap(b)-1]
}
