package outline

import (
	"unicode"
	"unicode/utf8"
)

// collapse trims s and turns each run of white space (unicode.IsSpace)
// into one space: strings.Join(strings.Fields(s), " ") in one pass, and s
// itself when that changes nothing.
func collapse(s string) string {
	buf := make([]byte, 0, len(s))
	pending := false // white space since the last word
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if asciiSpace[c] {
				pending = len(buf) > 0
				continue
			}
			if pending {
				buf = append(buf, ' ')
				pending = false
			}
			buf = append(buf, c)
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			pending = len(buf) > 0
		} else {
			if pending {
				buf = append(buf, ' ')
				pending = false
			}
			buf = append(buf, s[i:i+w]...)
		}
		i += w
	}
	if string(buf) == s {
		return s
	}
	return string(buf)
}

// asciiSpace is unicode.IsSpace for the ASCII characters.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
