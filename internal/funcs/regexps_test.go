package funcs

import "regexp"

// mustRegexps compiles patterns known to be valid (tests).
func mustRegexps(patterns ...string) []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(patterns))
	for i, p := range patterns {
		out[i] = regexp.MustCompile(p)
	}
	return out
}
