package highlight

import "unicode/utf8"

// source is the text one fast lexing run reads: the string, its runes
// (what chroma's rules match on) and how to cut a run of runes out of the
// string as a token's text. chroma converts every group's runes back into
// a new string; cutting the string shares its bytes instead.
type source struct {
	s     string
	runes []rune
	// offs holds the byte offset of each rune and, last, len(s); nil when
	// s is ASCII, where rune and byte offsets agree.
	offs []int32
	// convert: s is not valid UTF-8, so its runes (with U+FFFD for each
	// bad byte) are not its bytes, and a cut converts runes as chroma does.
	convert bool
	spare   []string // room for the next matches' groups
}

func newSource(s string) source {
	src := source{s: s, runes: []rune(s)}
	switch {
	case !utf8.ValidString(s) || len(s) > 1<<31-1:
		src.convert = true
	case len(src.runes) == len(s):
		// ASCII: in valid UTF-8 any other byte makes fewer runes than bytes
	default:
		src.offs = make([]int32, 0, len(src.runes)+1)
		for i := range s {
			src.offs = append(src.offs, int32(i))
		}
		src.offs = append(src.offs, int32(len(s)))
	}
	return src
}

// cut returns the text of the n runes from rune index i.
func (src *source) cut(i, n int) string {
	switch {
	case src.convert:
		return string(src.runes[i : i+n])
	case src.offs == nil:
		return src.s[i : i+n]
	default:
		return src.s[src.offs[i]:src.offs[i+n]]
	}
}

// strings returns room for n strings. The room is cut from a shared block
// and never handed out twice, so a caller may keep it as long as it likes.
func (src *source) strings(n int) []string {
	if len(src.spare) < n {
		src.spare = make([]string, max(n, 64))
	}
	s := src.spare[:n:n]
	src.spare = src.spare[n:]
	return s
}
