package markdown

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// splitInfo splits a code fence's info string, as written, into its
// language and its attribute block. The block starts at the first '{' that
// is not backslash-escaped, as in Hugo (```go {linenos=true} and
// ```go{linenos=true} both have one); attrsOff is its offset in info, or
// -1 when there is none. The language is the first word of what comes
// before, with its backslash escapes and entity references resolved as
// CommonMark requires (``` f&ouml;&ouml; is "föö", ```c&#43;&#43; is
// "c++"). Words between the language and the block are ignored, as
// CommonMark ignores all but the first word.
func splitInfo(info string) (lang string, attrsOff int) {
	attrsOff = -1
	for i := 0; i < len(info); i++ {
		if info[i] == '\\' {
			i++
			continue
		}
		if info[i] == '{' {
			attrsOff = i
			break
		}
	}
	head := info
	if attrsOff >= 0 {
		head = info[:attrsOff]
	}
	if i := strings.IndexAny(head, " \t"); i >= 0 {
		head = head[:i]
	}
	return unescapeInfo(head), attrsOff
}

// unescapeInfo resolves backslash escapes of ASCII punctuation and entity
// references (&name;, &#digits;, &#xhex;) in one pass, so "\&ouml;" stays
// "&ouml;". A numeric reference to 0, a surrogate or past U+10FFFF is
// U+FFFD; an unknown name is kept as written.
func unescapeInfo(s string) string {
	if !strings.ContainsAny(s, `\&`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) && util.IsPunct(s[i+1]) {
			b.WriteByte(s[i+1])
			i++
			continue
		}
		if c == '&' {
			if r, n := entityAt(s[i:]); n > 0 {
				b.WriteString(r)
				i += n - 1
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// entityAt returns what the entity reference that s starts with stands
// for and its length, or n == 0 when s does not start with one.
func entityAt(s string) (string, int) {
	end := strings.IndexByte(s, ';')
	if end < 2 || end > 33 { // the longest entity name has 31 characters
		return "", 0
	}
	ref := s[1:end]
	if ref[0] != '#' {
		for i := 0; i < len(ref); i++ {
			if c := ref[i]; !isDigit(c) && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
				return "", 0
			}
		}
		if e, ok := util.LookUpHTML5EntityByName(ref); ok {
			return string(e.Characters), end + 1
		}
		return "", 0
	}
	num, base, maxLen := ref[1:], 10, 7
	if len(num) > 0 && (num[0] == 'x' || num[0] == 'X') {
		num, base, maxLen = num[1:], 16, 6
	}
	if len(num) == 0 || len(num) > maxLen {
		return "", 0
	}
	v, err := strconv.ParseUint(num, base, 32)
	if err != nil {
		return "", 0
	}
	r := rune(v)
	if r == 0 || !utf8.ValidRune(r) {
		r = utf8.RuneError
	}
	return string(r), end + 1
}
