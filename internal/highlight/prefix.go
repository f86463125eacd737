package highlight

import (
	"slices"

	"github.com/dlclark/regexp2/v2/syntax"
)

// Bounds of a rule's literal prefixes: past them a rule has none, and
// only its first runes (firstRunes) are asked ahead of it.
const (
	maxPrefixes   = 256
	maxPrefixRune = 8
)

// literals is a set of strings, one of which every match of a rule begins
// with: a keyword rule such as (break|case|...)\b begins with one of its
// words. The fast lexer asks it before running the rule's regexp, which
// costs far more; an identifier that only shares a keyword's first letter
// never runs it. It is a necessary condition only, read off the rule's
// syntax tree: it never says a rule matches.
type literals struct {
	byFirst map[rune][][]rune
}

// literalsOf returns the literal prefixes of pattern, or nil when a match
// may begin otherwise (or the analysis fails). Patterns are parsed as
// chroma compiles them, with no options.
func literalsOf(pattern string) *literals {
	tree, err := syntax.Parse(pattern, syntax.ParseOptions{})
	if err != nil || tree.Options&(syntax.IgnoreCase|syntax.RightToLeft) != 0 {
		return nil
	}
	set, _, ok := prefixes(tree.Root)
	if !ok || len(set) == 0 {
		return nil
	}
	l := &literals{byFirst: map[rune][][]rune{}}
	for _, s := range set {
		if len(s) == 0 {
			return nil // a match may begin with anything
		}
		l.byFirst[s[0]] = append(l.byFirst[s[0]], s)
	}
	return l
}

// may reports whether a match can begin at runes[pos].
func (l *literals) may(runes []rune, pos int) bool {
	if l == nil {
		return true
	}
	for _, s := range l.byFirst[runes[pos]] {
		if len(runes)-pos >= len(s) && slices.Equal(runes[pos:pos+len(s)], s) {
			return true
		}
	}
	return false
}

// prefixes returns strings one of which every match of n begins with, and
// whether every match of n is one of them exactly (so that what follows n
// can extend them); ok is false when nothing is known. Zero-width nodes
// (anchors, \b, lookarounds) match the empty string whole: they consume
// nothing, so the text after them still has to follow.
func prefixes(n *syntax.RegexNode) (set [][]rune, whole, ok bool) {
	if n.Options&(syntax.IgnoreCase|syntax.RightToLeft) != 0 {
		return nil, false, false
	}
	switch n.T {
	case syntax.NtOne:
		return [][]rune{{n.Ch}}, true, true
	case syntax.NtMulti:
		s := n.Str
		if len(s) > maxPrefixRune {
			return [][]rune{s[:maxPrefixRune]}, false, true
		}
		return [][]rune{s}, true, true
	case syntax.NtEmpty, syntax.NtBol, syntax.NtEol, syntax.NtBoundary, syntax.NtNonboundary,
		syntax.NtECMABoundary, syntax.NtNonECMABoundary, syntax.NtBeginning, syntax.NtStart,
		syntax.NtEndZ, syntax.NtEnd, syntax.NtPosLook, syntax.NtNegLook, syntax.NtUpdateBumpalong:
		return [][]rune{{}}, true, true
	case syntax.NtCapture, syntax.NtGroup, syntax.NtAtomic:
		if len(n.Children) != 1 {
			return nil, false, false
		}
		return prefixes(n.Children[0])
	case syntax.NtOneloop, syntax.NtOnelazy, syntax.NtOneloopatomic:
		if n.M >= 1 {
			return [][]rune{{n.Ch}}, false, true
		}
		return [][]rune{{}}, false, true
	case syntax.NtLoop, syntax.NtLazyloop:
		if n.M >= 1 && len(n.Children) == 1 {
			set, _, ok := prefixes(n.Children[0])
			return set, false, ok
		}
		return [][]rune{{}}, false, true
	case syntax.NtConcatenate:
		return concatPrefixes(n.Children)
	case syntax.NtAlternate:
		whole = true
		for _, c := range n.Children {
			s, w, ok := prefixes(c)
			if !ok || len(set)+len(s) > maxPrefixes {
				return nil, false, false
			}
			set = append(set, s...)
			whole = whole && w
		}
		return set, whole, true
	}
	return [][]rune{{}}, false, true // any other node: nothing known of its text
}

// concatPrefixes is prefixes of a concatenation of nodes: its first
// node's prefixes, extended by the next node's while the ones before are
// whole, within maxPrefixes and maxPrefixRune.
func concatPrefixes(nodes []*syntax.RegexNode) (set [][]rune, whole, ok bool) {
	set = [][]rune{{}}
	for _, c := range nodes {
		s, w, ok := prefixes(c)
		if !ok || len(set)*len(s) > maxPrefixes {
			return set, false, true // the prefixes so far still hold
		}
		next := make([][]rune, 0, len(set)*len(s))
		cut := false
		for _, a := range set {
			for _, b := range s {
				p := append(slices.Clip(a), b...)
				if len(p) > maxPrefixRune {
					p, cut = p[:maxPrefixRune], true
				}
				next = append(next, p)
			}
		}
		set = next
		if !w || cut {
			return set, false, true
		}
	}
	return set, true, true
}
