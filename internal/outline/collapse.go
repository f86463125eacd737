package outline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// collapse trims s and turns each run of white space (unicode.IsSpace)
// into one space: strings.Join(strings.Fields(s), " ") in one pass, and s
// itself when there is nothing to change. Every page's text goes through
// it, so it allocates at most once.
func collapse(s string) string {
	if isCollapsed(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	pending := false // white space since the last word
	for i := 0; i < len(s); {
		space, w := spaceAt(s, i)
		if space {
			pending = b.Len() > 0
		} else {
			if pending {
				b.WriteByte(' ')
				pending = false
			}
			b.WriteString(s[i : i+w])
		}
		i += w
	}
	return b.String()
}

// isCollapsed reports whether collapse(s) is s: no white space at either
// end, and none but single spaces between words.
func isCollapsed(s string) bool {
	prevSpace := true // at the start, a space would be leading
	for i := 0; i < len(s); {
		space, w := spaceAt(s, i)
		if space && (prevSpace || s[i] != ' ') {
			return false
		}
		prevSpace = space
		i += w
	}
	return !prevSpace || s == ""
}

// spaceAt reports whether the character at s[i] is white space, and its
// length in bytes (1 for a byte that is not valid UTF-8).
func spaceAt(s string, i int) (bool, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return asciiSpace[c], 1
	}
	r, w := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r), w
}

// asciiSpace is unicode.IsSpace for the ASCII characters.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
