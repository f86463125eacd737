package diag

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Escape returns s with every character that could act on a terminal or
// a CI log rather than be shown written visibly, Go-style: C0 controls
// ("\n", "\r", "\t", "\x1b"), DEL ("\x7f"), C1 controls ("\u009b"), the
// line and paragraph separators ("\u2028", "\u2029"), the bidirectional
// marks, embeddings, overrides and isolates ("\u202e") and bytes that are
// not UTF-8 ("\xff"). Everything else, backslashes included, is kept, so
// an ordinary message reads as it did; s is returned as it is when
// nothing needs escaping.
//
// Every output format prints user-controlled strings (file names, link
// targets decoded from %0A or %1B, template output) through it, so a
// link cannot end a line and start a GitHub workflow command, or send
// escape sequences to the terminal.
func Escape(s string) string {
	i := firstUnsafe(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// firstUnsafe returns the offset of the first character Escape changes,
// or -1.
func firstUnsafe(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 || unsafeRune(r) {
			return i
		}
		i += size
	}
	return -1
}

// unsafeRune reports whether r, not ASCII, is one Escape writes as \uXXXX:
// a C1 control, a line or paragraph separator, or a bidirectional
// formatting character (which can make text read other than it is).
func unsafeRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f: // C1: 0x9b is CSI to some terminals
		return true
	case r == 0x2028 || r == 0x2029: // line, paragraph separator
		return true
	case r == 0x061c || r == 0x200e || r == 0x200f: // ALM, LRM, RLM
		return true
	case r >= 0x202a && r <= 0x202e: // LRE, RLE, PDF, LRO, RLO
		return true
	case r >= 0x2066 && r <= 0x2069: // LRI, RLI, FSI, PDI
		return true
	}
	return false
}

// EscapeJSON returns encoding/json output with the characters Escape
// changes that encoding/json leaves raw (DEL, C1 controls, bidirectional
// formatting characters) written as \u escapes. The JSON means the same,
// byte for byte of every decoded value; only its text is safe to print.
// Such characters can only stand in JSON strings, where \u escapes are
// valid.
func EscapeJSON(data []byte) []byte {
	s := string(data)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == 0x7f || r >= utf8.RuneSelf && unsafeRune(r) {
			fmt.Fprintf(&b, `\u%04x`, r)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return []byte(b.String())
}
