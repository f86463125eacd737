package outline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// collapse trims s and turns each run of white space (unicode.IsSpace)
// into one space: strings.Join(strings.Fields(s), " ") in one pass, and s
// itself when that changes nothing.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	pending := false // white space since the last word
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if asciiSpace[c] {
				pending = b.Len() > 0
				continue
			}
			if pending {
				b.WriteByte(' ')
				pending = false
			}
			b.WriteByte(c)
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
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
	if out := b.String(); out != s {
		return out
	}
	return s
}

// asciiSpace is unicode.IsSpace for the ASCII characters.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
