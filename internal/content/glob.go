package content

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// glob is a compiled glob pattern as Hugo's cascade targets write them
// (gobwas/glob with '/' as the separator), matched case-insensitively:
//
//   - any run of characters except '/'
//     **     any run of characters, '/' included
//     ?      one character except '/'
//     [abc]  one of the characters; [a-z] a range; [!abc] none of them
//     {a,b}  either alternative; alternatives may nest and hold patterns
//     \c     the character c itself
type glob struct {
	alts [][]globTok // one token list per alternative of the braces
}

// maxGlobAlternatives bounds the patterns one glob's braces expand to, so a
// pattern of many nested braces cannot make a build slow.
const maxGlobAlternatives = 256

type globTokKind int

const (
	globLit        globTokKind = iota // the rune r
	globOne                           // ?
	globStar                          // *
	globDoubleStar                    // **
	globClass                         // [...]
)

type globTok struct {
	kind   globTokKind
	r      rune
	ranges [][2]rune // globClass: inclusive ranges
	negate bool      // globClass: [!...]
}

// compileGlob compiles pattern; an error says what is wrong with it.
func compileGlob(pattern string) (*glob, error) {
	alts, err := expandBraces(strings.ToLower(pattern))
	if err != nil {
		return nil, err
	}
	g := &glob{}
	for _, a := range alts {
		toks, err := globTokens(a)
		if err != nil {
			return nil, err
		}
		g.alts = append(g.alts, toks)
	}
	return g, nil
}

// match reports whether s matches g, case-insensitively.
func (g *glob) match(s string) bool {
	s = strings.ToLower(s)
	for _, toks := range g.alts {
		if matchTokens(toks, s) {
			return true
		}
	}
	return false
}

// expandBraces turns {a,b} alternatives into whole patterns: "x{a,b}y" is
// "xay" and "xby". Escapes are kept for globTokens.
func expandBraces(p string) ([]string, error) {
	open := -1
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			i++
		case '{':
			open = i
		case '}':
			if open < 0 {
				return nil, errors.New("'}' without '{'")
			}
		}
		if open >= 0 {
			break
		}
	}
	if open < 0 {
		return []string{p}, nil
	}
	// Split the braces' contents on the commas at their own depth.
	depth, start := 0, open+1
	var parts []string
	end := -1
	for i := open + 1; i < len(p) && end < 0; i++ {
		switch p[i] {
		case '\\':
			i++
		case '{':
			depth++
		case '}':
			if depth == 0 {
				parts = append(parts, p[start:i])
				end = i
			}
			depth--
		case ',':
			if depth == 0 {
				parts = append(parts, p[start:i])
				start = i + 1
			}
		}
	}
	if end < 0 {
		return nil, errors.New("'{' without '}'")
	}
	var out []string
	for _, part := range parts {
		alts, err := expandBraces(p[:open] + part + p[end+1:])
		if err != nil {
			return nil, err
		}
		out = append(out, alts...)
		if len(out) > maxGlobAlternatives {
			return nil, fmt.Errorf("braces expand to more than %d patterns", maxGlobAlternatives)
		}
	}
	return out, nil
}

// globTokens splits a pattern without braces into tokens.
func globTokens(p string) ([]globTok, error) {
	var toks []globTok
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRuneInString(p[i:])
		switch r {
		case '\\':
			if i+1 >= len(p) {
				return nil, errors.New(`'\' at the end of the pattern`)
			}
			r, n = utf8.DecodeRuneInString(p[i+1:])
			toks = append(toks, globTok{kind: globLit, r: r})
			i += 1 + n
			continue
		case '*':
			if strings.HasPrefix(p[i:], "**") {
				toks = append(toks, globTok{kind: globDoubleStar})
				i += 2
				continue
			}
			toks = append(toks, globTok{kind: globStar})
		case '?':
			toks = append(toks, globTok{kind: globOne})
		case '[':
			t, size, err := globClassTok(p[i:])
			if err != nil {
				return nil, err
			}
			toks = append(toks, t)
			i += size
			continue
		default:
			toks = append(toks, globTok{kind: globLit, r: r})
		}
		i += n
	}
	return toks, nil
}

// globClassTok reads the class at the start of p ("[...]") and its length.
func globClassTok(p string) (globTok, int, error) {
	t := globTok{kind: globClass}
	i := 1
	if strings.HasPrefix(p[i:], "!") {
		t.negate = true
		i++
	}
	for first := true; ; first = false {
		if i >= len(p) {
			return t, 0, errors.New("'[' without ']'")
		}
		if p[i] == ']' && !first {
			return t, i + 1, nil
		}
		lo, n := utf8.DecodeRuneInString(p[i:])
		i += n
		hi := lo
		if i+1 < len(p) && p[i] == '-' && p[i+1] != ']' {
			hi, n = utf8.DecodeRuneInString(p[i+1:])
			i += 1 + n
			if hi < lo {
				return t, 0, fmt.Errorf("range %c-%c is backwards", lo, hi)
			}
		}
		t.ranges = append(t.ranges, [2]rune{lo, hi})
	}
}

// matchTokens matches s against toks by dynamic programming over (token,
// rune) pairs, so no pattern makes it take more than len(toks)*len(s) steps.
func matchTokens(toks []globTok, s string) bool {
	rs := []rune(s)
	// ok[j]: toks[i:] matches rs[j:], for the current i, computed backwards.
	ok := make([]bool, len(rs)+1)
	ok[len(rs)] = true
	next := make([]bool, len(rs)+1)
	for i := len(toks) - 1; i >= 0; i-- {
		t := toks[i]
		next[len(rs)] = (t.kind == globStar || t.kind == globDoubleStar) && ok[len(rs)]
		for j := len(rs) - 1; j >= 0; j-- {
			switch t.kind {
			case globStar:
				next[j] = ok[j] || rs[j] != '/' && next[j+1]
			case globDoubleStar:
				next[j] = ok[j] || next[j+1]
			default:
				next[j] = t.matchRune(rs[j]) && ok[j+1]
			}
		}
		ok, next = next, ok
	}
	return ok[0]
}

// matchRune reports whether a one-rune token matches r.
func (t globTok) matchRune(r rune) bool {
	switch t.kind {
	case globLit:
		return t.r == r
	case globOne:
		return r != '/'
	case globClass:
		in := false
		for _, rg := range t.ranges {
			in = in || rg[0] <= r && r <= rg[1]
		}
		return in != t.negate
	}
	return false
}
