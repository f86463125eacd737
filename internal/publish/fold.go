package publish

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fold is the key under which two paths collide on a case-insensitive
// file system: the same for sorting and comparing, so colliding paths are
// always next to each other.
func fold(p string) string {
	if hasNonASCII(p) {
		return strings.ToLower(strings.ToUpper(p))
	}
	// In ASCII, upper then lower case is lower case, which ToLower gives
	// without copying a path that is lower case already.
	return strings.ToLower(p)
}

// nfc returns p in Unicode normalisation form C, so that "é" written as one
// code point and as "e" plus a combining accent (as macOS file names are)
// compare equal; ASCII is returned as it is.
func nfc(p string) string {
	if hasNonASCII(p) {
		return norm.NFC.String(p)
	}
	return p
}

// hasNonASCII reports whether p has a byte outside ASCII.
func hasNonASCII(p string) bool {
	for i := 0; i < len(p); i++ {
		if p[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}
