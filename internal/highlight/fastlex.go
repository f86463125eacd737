package highlight

import (
	"fmt"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/dlclark/regexp2/v2"
	"github.com/dlclark/regexp2/v2/syntax"
)

// fastLexer runs one of chroma's regex lexers token for token as chroma's
// own LexerState.Iterator does, with one difference in what it does:
// before trying a rule at a position it asks whether the rune there can
// begin a match of the rule at all, and skips the rule when it cannot. (And
// some in how: see match and quirkyLexers.)
//
// chroma anchors every rule at the current position (\G) and tries the
// rules of the current state in order, so lexing a token means running the
// regexp2 interpreter for every rule before the one that matches; regexp2
// does not use its first-character analysis for anchored patterns. That
// failed-rule work was most of a highlighted page's cost. The first
// characters come from regexp2's own analysis of the same pattern (the one
// it uses to skip ahead in unanchored searches), so a skipped rule is one
// that could not have matched; TestFastLexerMatchesChroma compares the two
// on chroma's own lexer samples.
type fastLexer struct {
	rl    *chroma.RegexLexer
	rules chroma.CompiledRules // the lexer's compiled rules, shared with chroma
	// plans holds, for each state, what is known ahead of each of its
	// rules, in the order of rules[state].
	plans  map[string][]rulePlan
	quirks bool       // the lexer is one of quirkyLexers
	mu     sync.Mutex // held through a run of a quirky lexer
}

// rulePlan is what the fast lexer works out once about a rule.
type rulePlan struct {
	rule  *chroma.CompiledRule
	first *firstRunes // the runes a match can begin with; nil: any
	lits  *literals   // the strings a match begins with one of; nil: unknown
	// nums are the rule's group numbers in the order of regexp2's
	// Match.Groups, and names their names.
	nums  []int
	names []string
}

// quirkyLexers are the lexers whose own code reaches further into the
// lexing state than chroma's mutators and emitters do: it reads the groups
// of a match by name (LexerState.NamedGroups, which chroma's ByGroupNames
// emitter reads too), and it rewrites the rules of a state in place.
//
// Filling NamedGroups on every match was about a tenth of highlighting's
// time, so the fast lexer fills it for these lexers alone. And since a
// lexer has one set of rules, shared by every run (chroma's own runs of it
// as a sublexer included), a rewrite made while one page is lexed would be
// seen by another page lexed at the same time: runs of these lexers take
// turns. TestQuirkyLexers checks the list against chroma's source.
var quirkyLexers = map[string]bool{"Raku": true}

// newFastLexer returns the fast lexer for rl, or nil when rl's compiled
// rules cannot be reached (see compiledRules); rl's rules must already be
// compiled.
func newFastLexer(rl *chroma.RegexLexer) *fastLexer {
	rules := ruleMap(rl)
	if rules == nil {
		return nil
	}
	f := &fastLexer{
		rl:     rl,
		rules:  rules,
		plans:  map[string][]rulePlan{},
		quirks: quirkyLexers[rl.Config().Name],
	}
	for name, state := range rules {
		plans := make([]rulePlan, len(state))
		for i, r := range state {
			if r.Regexp == nil {
				continue
			}
			p := &plans[i]
			p.rule = r
			p.first = firstRunesOf(r.Regexp.String())
			p.lits = literalsOf(r.Regexp.String())
			p.nums = r.Regexp.GetGroupNumbers()
			p.names = make([]string, len(p.nums))
			for j, n := range p.nums {
				p.names[j] = r.Regexp.GroupNameFromNumber(n)
			}
		}
		f.plans[name] = plans
	}
	return f
}

// firstRunes is the set of runes a match can begin with.
type firstRunes struct {
	ascii [2]uint64
	set   syntax.CharSet
}

// firstRunesOf returns the runes a match of pattern can begin with, or nil
// when it may begin with any (or be empty, or the analysis fails). chroma
// compiles its rules with regexp2.Compile and no options, so they are
// parsed here with none too.
func firstRunesOf(pattern string) *firstRunes {
	tree, err := syntax.Parse(pattern, syntax.ParseOptions{})
	if err != nil {
		return nil
	}
	code, err := syntax.Write(tree)
	if err != nil || code.FcPrefix == nil || code.RightToLeft {
		return nil
	}
	f := &firstRunes{set: code.FcPrefix.PrefixSet}
	for c := range rune(128) {
		if f.set.Contains(c) {
			f.ascii[c>>6] |= 1 << (c & 63)
		}
	}
	return f
}

// may reports whether a match can begin with c.
func (f *firstRunes) may(c rune) bool {
	if f == nil {
		return true
	}
	if c >= 0 && c < 128 {
		return f.ascii[c>>6]&(1<<(c&63)) != 0
	}
	return f.set.Contains(c)
}

// tokens lexes text as chroma.Coalesce(rl).Tokenise(nil, text) followed by
// Tokens() would. A lexer that panics (chroma's way of failing inside an
// iterator) gives an error.
func (f *fastLexer) tokens(text string) ([]chroma.Token, error) {
	return f.tokenise(nil, text)
}

// tokenise lexes text as chroma.Coalesce(rl).Tokenise(o, text) followed by
// Tokens() would; nil options are chroma's defaults. Sub-lexers are looked
// up in subLexers, so they are readied as this lexer is.
func (f *fastLexer) tokenise(o *chroma.TokeniseOptions, text string) (out []chroma.Token, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("highlight: %s lexer: %v", f.rl.Config().Name, r)
		}
	}()
	if o == nil {
		o = &chroma.TokeniseOptions{State: "root", EnsureLF: true}
	}
	if o.EnsureLF {
		text = ensureLF(text)
	}
	newlineAdded := false
	if !o.Nested && f.rl.Config().EnsureNL && !strings.HasSuffix(text, "\n") {
		text += "\n"
		newlineAdded = true
	}
	if f.quirks {
		f.mu.Lock()
		defer f.mu.Unlock()
	}
	src := newSource(text)
	st := &chroma.LexerState{
		Lexer: f.rl,
		// Using and UsingByGroup emitters look their lexer up here: in
		// chroma's global registry it would run with chroma's match
		// timeouts, whatever was done to this one.
		Registry:       subLexers(),
		Text:           src.runes,
		Stack:          []string{o.State},
		Rules:          f.rules,
		MutatorContext: map[any]any{},
	}
	var c coalescer
	f.run(st, &src, newlineAdded, &c)
	return c.done(), nil
}

// run is chroma's LexerState.Iterator as one loop that hands every token
// to c, with matchRules asking firstRunes first. Its comments mark where it
// follows chroma.
func (f *fastLexer) run(l *chroma.LexerState, src *source, newlineAdded bool, c *coalescer) {
	var stack []chroma.Iterator // chroma's iteratorStack
	drain := func() {
		for len(stack) > 0 {
			n := len(stack) - 1
			t := stack[n]()
			if t.Type == chroma.Ignore {
				continue
			}
			if t == chroma.EOF {
				stack = stack[:n]
				continue
			}
			c.add(t)
		}
	}
	end := len(l.Text)
	if newlineAdded {
		end--
	}
	for l.Pos < end && len(l.Stack) > 0 {
		drain()
		l.State = l.Stack[len(l.Stack)-1]
		rules, ok := l.Rules[l.State]
		if !ok {
			panic("unknown state " + l.State)
		}
		index, rule, groups, named, n := f.match(l, src, rules)
		if groups == nil {
			// No rule matched: at a newline outside the initial state
			// chroma empties the stack and goes on in "root" (from
			// Pygments); otherwise the rune is an error token.
			if l.Text[l.Pos] == '\n' && l.State != "root" {
				l.Stack = []string{"root"}
				continue
			}
			l.Pos++
			c.add(chroma.Token{Type: chroma.Error, Value: string(l.Text[l.Pos-1 : l.Pos])})
			continue
		}
		l.Rule = index
		l.Groups = groups
		l.NamedGroups = named
		l.Pos += n
		if rule.Mutator != nil {
			if err := rule.Mutator.Mutate(l); err != nil {
				panic(err)
			}
		}
		switch tt, ok := rule.Type.(chroma.TokenType); {
		case ok && tt != chroma.Ignore && tt != chroma.EOFType:
			// What TokenType.Emit's iterator would give, added at once:
			// the stack was drained above.
			c.add(chroma.Token{Type: tt, Value: l.Groups[0]})
		case rule.Type != nil:
			stack = append(stack, rule.Type.Emit(l.Groups, l))
		}
	}
	drain()
	if l.Pos != len(l.Text) && len(l.Stack) == 0 {
		c.add(chroma.Token{Type: chroma.Error, Value: string(l.Text[l.Pos:])})
	}
}

// match is chroma's matchRules at l.Pos: it returns the first of rules
// that matches there, its groups (and their names where the lexer reads
// them) and the match's length in runes. Rules that cannot begin with the
// rune at l.Pos are skipped, and a match is read in place, its groups cut
// out of src, without a regexp2.Match made for it. A rule a mutator has put
// in place of the lexer's own has no plan and is matched as chroma does.
func (f *fastLexer) match(l *chroma.LexerState, src *source, rules []*chroma.CompiledRule) (int, *chroma.CompiledRule, []string, map[string]string, int) {
	plans := f.plans[l.State]
	pos := l.Pos
	c := src.runes[pos]
	for i, rule := range rules {
		if i >= len(plans) || plans[i].rule != rule {
			if groups, named, n := chromaMatch(rule, l.Text, pos); groups != nil {
				return i, rule, groups, named, n
			}
			continue
		}
		p := &plans[i]
		if !p.first.may(c) || !p.lits.may(src.runes, pos) {
			continue
		}
		groups, n := p.find(src, pos)
		if groups == nil {
			continue
		}
		var named map[string]string
		if f.quirks {
			named = make(map[string]string, len(groups))
			for j, g := range groups {
				named[p.names[j]] = g
			}
		}
		return i, rule, groups, named, n
	}
	return 0, &chroma.CompiledRule{}, nil, nil, 0
}

// find returns the groups of the rule's match at pos, in the order of
// regexp2's Match.Groups, and the match's length in runes; nil when it
// does not match there.
func (p *rulePlan) find(src *source, pos int) (groups []string, n int) {
	err := p.rule.Regexp.FindRunesMatches(src.runes, pos, func(m regexp2.MatchView) bool {
		start, length, _ := m.GroupRange(0)
		if start != pos {
			return false
		}
		n = length
		groups = src.strings(len(p.nums))
		for j, num := range p.nums {
			if start, length, ok := m.GroupRange(num); ok {
				groups[j] = src.cut(start, length)
			}
		}
		return false
	})
	if err != nil {
		return nil, 0
	}
	return groups, n
}

// chromaMatch is one rule's part of chroma's matchRules, as chroma has it.
func chromaMatch(rule *chroma.CompiledRule, text []rune, pos int) ([]string, map[string]string, int) {
	m, err := rule.Regexp.FindRunesMatchStartingAt(text, pos)
	if m == nil || err != nil || m.RuneIndex != pos {
		return nil, nil, 0
	}
	all := m.Groups()
	groups := make([]string, 0, len(all))
	named := make(map[string]string, len(all))
	for _, g := range all {
		named[g.Name] = g.String()
		groups = append(groups, g.String())
	}
	return groups, named, m.RuneLength
}

// coalescer merges runs of tokens of one type as chroma.Coalesce does:
// empty tokens are dropped, and a run is cut once it holds 8 KiB.
type coalescer struct {
	out  []chroma.Token
	prev chroma.Token
}

func (c *coalescer) add(t chroma.Token) {
	switch {
	case len(t.Value) == 0:
	case c.prev == chroma.EOF:
		c.prev = t
	case c.prev.Type == t.Type && len(c.prev.Value) < 8192:
		c.prev.Value += t.Value
	default:
		c.out = append(c.out, c.prev)
		c.prev = t
	}
}

// done returns the tokens, the last run included.
func (c *coalescer) done() []chroma.Token {
	if c.prev != chroma.EOF {
		c.out = append(c.out, c.prev)
		c.prev = chroma.EOF
	}
	return c.out
}

// ensureLF replaces \r\n and lone \r by \n, as chroma does with EnsureLF.
func ensureLF(text string) string {
	if !strings.Contains(text, "\r") {
		return text
	}
	return strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
}
