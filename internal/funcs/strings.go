package funcs

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Strings is Hugo's strings namespace: {{ strings.ToLower "A" }}.
type Strings struct{}

// str converts one argument, naming the function in the error.
func str(fn string, v any) (string, error) {
	s, err := toStr(v)
	if err != nil {
		return "", fmt.Errorf("%s: %w", fn, err)
	}
	return s, nil
}

// strs converts two arguments.
func strs(fn string, a, b any) (string, string, error) {
	x, err := str(fn, a)
	if err != nil {
		return "", "", err
	}
	y, err := str(fn, b)
	return x, y, err
}

func (Strings) ToLower(s any) (string, error) {
	x, err := str("lower", s)
	return strings.ToLower(x), err
}

func (Strings) ToUpper(s any) (string, error) {
	x, err := str("upper", s)
	return strings.ToUpper(x), err
}

// Chomp removes trailing newline characters.
func (Strings) Chomp(s any) (string, error) {
	x, err := str("chomp", s)
	return strings.TrimRight(x, "\r\n"), err
}

// Contains reports whether substr is in s: strings.Contains STRING SUBSTR.
func (Strings) Contains(s, substr any) (bool, error) {
	x, y, err := strs("strings.Contains", s, substr)
	return strings.Contains(x, y), err
}

// ContainsAny reports whether any of chars is in s.
func (Strings) ContainsAny(s, chars any) (bool, error) {
	x, y, err := strs("strings.ContainsAny", s, chars)
	return strings.ContainsAny(x, y), err
}

// ContainsNonSpace reports whether s holds anything but white space.
func (Strings) ContainsNonSpace(s any) (bool, error) {
	x, err := str("strings.ContainsNonSpace", s)
	return strings.TrimSpace(x) != "", err
}

// Count counts the non-overlapping instances of substr in s:
// strings.Count SUBSTR STRING.
func (Strings) Count(substr, s any) (int, error) {
	x, y, err := strs("strings.Count", substr, s)
	return strings.Count(y, x), err
}

// CountRunes counts the runes of s that are not white space, HTML tags
// left out.
func (Strings) CountRunes(s any) (int, error) {
	x, err := str("countrunes", s)
	n := 0
	for _, r := range stripTags(x) {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n, err
}

// RuneCount counts the runes of s.
func (Strings) RuneCount(s any) (int, error) {
	x, err := str("strings.RuneCount", s)
	return utf8.RuneCountInString(x), err
}

// CountWords counts the words of s, HTML tags left out. In a word of CJK
// characters each character counts as a word.
func (Strings) CountWords(s any) (int, error) {
	x, err := str("countwords", s)
	n := 0
	for _, w := range strings.Fields(stripTags(x)) {
		cjk := 0
		for _, r := range w {
			if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
				cjk++
			}
		}
		if cjk > 0 {
			n += cjk
			continue
		}
		n++
	}
	return n, err
}

// FirstUpper upper-cases the first rune of s.
func (Strings) FirstUpper(s any) (string, error) {
	x, err := str("strings.FirstUpper", s)
	r, size := utf8.DecodeRuneInString(x)
	if size == 0 {
		return x, err
	}
	return string(unicode.ToUpper(r)) + x[size:], err
}

// HasPrefix reports whether s starts with prefix: hasPrefix STRING PREFIX.
func (Strings) HasPrefix(s, prefix any) (bool, error) {
	x, y, err := strs("hasPrefix", s, prefix)
	return strings.HasPrefix(x, y), err
}

// HasSuffix reports whether s ends with suffix: hasSuffix STRING SUFFIX.
func (Strings) HasSuffix(s, suffix any) (bool, error) {
	x, y, err := strs("hasSuffix", s, suffix)
	return strings.HasSuffix(x, y), err
}

// maxRepeat bounds strings.Repeat's output, so a template cannot exhaust
// memory.
const maxRepeat = 1 << 20

// Repeat returns count copies of s: strings.Repeat COUNT STRING.
func (Strings) Repeat(count, s any) (string, error) {
	n, err := toInt(count)
	if err != nil {
		return "", fmt.Errorf("strings.Repeat: %w", err)
	}
	x, err := str("strings.Repeat", s)
	if err != nil {
		return "", err
	}
	if n < 0 {
		return "", fmt.Errorf("strings.Repeat: negative count %d", n)
	}
	if n > 0 && len(x) > maxRepeat/n {
		return "", fmt.Errorf("strings.Repeat: the result would exceed %d bytes", maxRepeat)
	}
	return strings.Repeat(x, n), nil
}

// Replace replaces old with new in s, at most limit times when given:
// replace INPUT OLD NEW [LIMIT].
func (Strings) Replace(s, old, new any, limit ...any) (string, error) {
	x, o, err := strs("replace", s, old)
	if err != nil {
		return "", err
	}
	n, err := str("replace", new)
	if err != nil {
		return "", err
	}
	l, err := optLimit("replace", limit)
	return strings.Replace(x, o, n, l), err
}

// optLimit reads an optional LIMIT argument; -1 when absent.
func optLimit(fn string, limit []any) (int, error) {
	switch len(limit) {
	case 0:
		return -1, nil
	case 1:
		n, err := toInt(limit[0])
		if err != nil {
			return 0, fmt.Errorf("%s: limit: %w", fn, err)
		}
		return n, nil
	}
	return 0, fmt.Errorf("%s: want at most one LIMIT argument", fn)
}

// Split splits s around each delim: split STRING DELIM.
func (Strings) Split(s, delim any) ([]string, error) {
	x, d, err := strs("split", s, delim)
	return strings.Split(x, d), err
}

// Substr returns length runes of s from start: substr STRING [START
// [LENGTH]]. A negative start counts from the end; a negative length
// leaves that many runes off the end.
func (Strings) Substr(s any, args ...any) (string, error) {
	x, err := str("substr", s)
	if err != nil {
		return "", err
	}
	if len(args) > 2 {
		return "", errors.New("substr: want STRING [START [LENGTH]]")
	}
	rs := []rune(x)
	n := len(rs)
	start, end := 0, n
	if len(args) > 0 {
		if start, err = toInt(args[0]); err != nil {
			return "", fmt.Errorf("substr: start: %w", err)
		}
	}
	if start < 0 {
		start = max(n+start, 0)
	}
	if start > n {
		return "", nil
	}
	if len(args) > 1 {
		l, err := toInt(args[1])
		if err != nil {
			return "", fmt.Errorf("substr: length: %w", err)
		}
		if l < 0 {
			end = n + l
		} else if l < n-start {
			end = start + l
		}
	}
	if end <= start {
		return "", nil
	}
	return string(rs[start:end]), nil
}

// SliceString returns the runes of s from start to end (exclusive):
// slicestr STRING [START [END]].
func (Strings) SliceString(s any, args ...any) (string, error) {
	x, err := str("slicestr", s)
	if err != nil {
		return "", err
	}
	rs := []rune(x)
	start, end := 0, len(rs)
	if len(args) > 2 {
		return "", errors.New("slicestr: want STRING [START [END]]")
	}
	if len(args) > 0 {
		if start, err = toInt(args[0]); err != nil {
			return "", fmt.Errorf("slicestr: start: %w", err)
		}
	}
	if len(args) > 1 {
		if end, err = toInt(args[1]); err != nil {
			return "", fmt.Errorf("slicestr: end: %w", err)
		}
	}
	if start < 0 || end > len(rs) || start > end {
		return "", fmt.Errorf("slicestr: indexes %d:%d out of range for %d runes", start, end, len(rs))
	}
	return string(rs[start:end]), nil
}

// Trim removes the runes of cutset from both ends of s: trim STRING CUTSET.
func (Strings) Trim(s, cutset any) (string, error) {
	x, c, err := strs("trim", s, cutset)
	return strings.Trim(x, c), err
}

// TrimLeft removes the runes of cutset from the start of s:
// strings.TrimLeft CUTSET STRING.
func (Strings) TrimLeft(cutset, s any) (string, error) {
	c, x, err := strs("strings.TrimLeft", cutset, s)
	return strings.TrimLeft(x, c), err
}

// TrimRight removes the runes of cutset from the end of s:
// strings.TrimRight CUTSET STRING.
func (Strings) TrimRight(cutset, s any) (string, error) {
	c, x, err := strs("strings.TrimRight", cutset, s)
	return strings.TrimRight(x, c), err
}

// TrimPrefix removes prefix from s: strings.TrimPrefix PREFIX STRING.
func (Strings) TrimPrefix(prefix, s any) (string, error) {
	p, x, err := strs("strings.TrimPrefix", prefix, s)
	return strings.TrimPrefix(x, p), err
}

// TrimSuffix removes suffix from s: strings.TrimSuffix SUFFIX STRING.
func (Strings) TrimSuffix(suffix, s any) (string, error) {
	p, x, err := strs("strings.TrimSuffix", suffix, s)
	return strings.TrimSuffix(x, p), err
}

// TrimSpace removes white space from both ends of s.
func (Strings) TrimSpace(s any) (string, error) {
	x, err := str("strings.TrimSpace", s)
	return strings.TrimSpace(x), err
}

// Title capitalizes s in AP style, Hugo's default: every word's first
// letter upper-cased except short articles, conjunctions and prepositions
// that are neither the first nor the last word. Other letters are kept.
func (Strings) Title(s any) (string, error) {
	x, err := str("title", s)
	if err != nil {
		return "", err
	}
	words := strings.Fields(x)
	// Keep the original spacing: rebuild from word positions.
	var b strings.Builder
	i, w := 0, 0
	for i < len(x) {
		r, size := utf8.DecodeRuneInString(x[i:])
		if unicode.IsSpace(r) {
			b.WriteString(x[i : i+size])
			i += size
			continue
		}
		j := i
		for j < len(x) {
			r, sz := utf8.DecodeRuneInString(x[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += sz
		}
		word := x[i:j]
		if w > 0 && w < len(words)-1 && apSmall[strings.ToLower(word)] {
			b.WriteString(strings.ToLower(word))
		} else {
			b.WriteString(upperFirstLetter(word))
		}
		w++
		i = j
	}
	return b.String(), nil
}

// apSmall are the words AP style leaves lower case inside a title.
var apSmall = map[string]bool{
	"a": true, "an": true, "and": true, "as": true, "at": true, "but": true, "by": true,
	"en": true, "for": true, "if": true, "in": true, "nor": true, "of": true, "on": true,
	"or": true, "per": true, "the": true, "to": true, "v.": true, "vs.": true, "via": true,
}

// upperFirstLetter upper-cases the first letter of w, after any leading
// punctuation such as "(".
func upperFirstLetter(w string) string {
	for i, r := range w {
		if unicode.IsLetter(r) {
			return w[:i] + string(unicode.ToUpper(r)) + w[i+utf8.RuneLen(r):]
		}
	}
	return w
}
