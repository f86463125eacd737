package resources

import (
	"fmt"
	"regexp"
	"strings"
)

// compileGlob turns a Hugo resource glob into a regexp over lower-cased
// slash paths: "*" and "?" stay within a segment, "**" crosses them,
// "{a,b}" is either. The match is case-insensitive, as Hugo's.
func compileGlob(pattern string) (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString("^")
	p := strings.TrimPrefix(strings.ToLower(pattern), "/")
	depth := 0
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c == '*' && i+1 < len(p) && p[i+1] == '*':
			i++
			if i+1 < len(p) && p[i+1] == '/' {
				b.WriteString("(?:.*/)?") // "**/a.png" is a.png in any directory, or none
				i++
			} else {
				b.WriteString(".*")
			}
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		case c == '{':
			depth++
			b.WriteString("(?:")
		case c == '}' && depth > 0:
			depth--
			b.WriteString(")")
		case c == ',' && depth > 0:
			b.WriteString("|")
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	if depth != 0 {
		return nil, fmt.Errorf("glob %q: a { is not closed", pattern)
	}
	b.WriteString("$")
	return regexp.Compile(b.String())
}
