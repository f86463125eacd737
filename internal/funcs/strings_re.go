package funcs

import (
	"fmt"
	"regexp"
	"strings"
)

// ReplaceRE replaces the matches of pattern in s with repl ($1 names a
// group), at most limit times when given: replaceRE PATTERN REPL INPUT [LIMIT].
func (Strings) ReplaceRE(pattern, repl, s any, limit ...any) (string, error) {
	re, err := compileRE("replaceRE", pattern)
	if err != nil {
		return "", err
	}
	r, x, err := strs("replaceRE", repl, s)
	if err != nil {
		return "", err
	}
	l, err := optLimit("replaceRE", limit)
	if err != nil {
		return "", err
	}
	if l < 0 {
		return re.ReplaceAllString(x, r), nil
	}
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringSubmatchIndex(x, l) {
		b.WriteString(x[last:m[0]])
		b.Write(re.ExpandString(nil, r, x, m))
		last = m[1]
	}
	b.WriteString(x[last:])
	return b.String(), nil
}

func compileRE(fn string, pattern any) (*regexp.Regexp, error) {
	p, err := str(fn, pattern)
	if err != nil {
		return nil, err
	}
	re, err := regexp.Compile(p)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", fn, err)
	}
	return re, nil
}

// FindRE returns the matches of pattern in s, at most limit when given:
// findRE PATTERN INPUT [LIMIT].
func (Strings) FindRE(pattern, s any, limit ...any) ([]string, error) {
	re, err := compileRE("findRE", pattern)
	if err != nil {
		return nil, err
	}
	x, err := str("findRE", s)
	if err != nil {
		return nil, err
	}
	l, err := optLimit("findRE", limit)
	if err != nil {
		return nil, err
	}
	out := re.FindAllString(x, l)
	if out == nil {
		out = []string{}
	}
	return out, nil
}

// FindRESubmatch returns each match of pattern in s with its groups.
func (Strings) FindRESubmatch(pattern, s any, limit ...any) ([][]string, error) {
	re, err := compileRE("findRESubmatch", pattern)
	if err != nil {
		return nil, err
	}
	x, err := str("findRESubmatch", s)
	if err != nil {
		return nil, err
	}
	l, err := optLimit("findRESubmatch", limit)
	if err != nil {
		return nil, err
	}
	out := re.FindAllStringSubmatch(x, l)
	if out == nil {
		out = [][]string{}
	}
	return out, nil
}
