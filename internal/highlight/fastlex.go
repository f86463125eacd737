package highlight

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/dlclark/regexp2/v2/syntax"
)

// fastLexer runs one of chroma's regex lexers token for token as chroma's
// own LexerState.Iterator does, with one difference: before trying a rule
// at a position it asks whether the rune there can begin a match of the
// rule at all, and skips the rule when it cannot.
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
	// first holds, for each state, the runes the match of each of its
	// rules can begin with (nil: any rune), in the order of rules[state].
	first map[string][]*firstRunes
}

// newFastLexer returns the fast lexer for rl, or nil when rl's compiled
// rules cannot be reached (see compiledRules); rl's rules must already be
// compiled.
func newFastLexer(rl *chroma.RegexLexer) *fastLexer {
	rules := ruleMap(rl)
	if rules == nil {
		return nil
	}
	f := &fastLexer{rl: rl, rules: rules, first: map[string][]*firstRunes{}}
	for name, state := range rules {
		first := make([]*firstRunes, len(state))
		for i, r := range state {
			if r.Regexp != nil {
				first[i] = firstRunesOf(r.Regexp.String())
			}
		}
		f.first[name] = first
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
func (f *fastLexer) tokens(text string) (out []chroma.Token, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("highlight: %s lexer: %v", f.rl.Config().Name, r)
		}
	}()
	text = ensureLF(text) // chroma's default options: EnsureLF, state "root"
	newlineAdded := false
	if f.rl.Config().EnsureNL && !strings.HasSuffix(text, "\n") {
		text += "\n"
		newlineAdded = true
	}
	st := &chroma.LexerState{
		Lexer: f.rl,
		// lexers.Get hands out lexers of the global registry, and a
		// registered lexer's registry is the one it is registered in.
		Registry:       lexers.GlobalLexerRegistry,
		Text:           []rune(text),
		Stack:          []string{"root"},
		Rules:          f.rules,
		MutatorContext: map[any]any{},
	}
	var c coalescer
	f.run(st, newlineAdded, &c)
	return c.done(), nil
}

// run is chroma's LexerState.Iterator as one loop that hands every token
// to c, with matchRules asking firstRunes first. Its comments mark where it
// follows chroma.
func (f *fastLexer) run(l *chroma.LexerState, newlineAdded bool, c *coalescer) {
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
		index, rule, groups, named := f.match(l.Text, l.Pos, rules, f.firstOf(l, rules))
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
		l.Pos += utf8.RuneCountInString(groups[0])
		if rule.Mutator != nil {
			if err := rule.Mutator.Mutate(l); err != nil {
				panic(err)
			}
		}
		if rule.Type != nil {
			stack = append(stack, rule.Type.Emit(l.Groups, l))
		}
	}
	drain()
	if l.Pos != len(l.Text) && len(l.Stack) == 0 {
		c.add(chroma.Token{Type: chroma.Error, Value: string(l.Text[l.Pos:])})
	}
}

// firstOf returns the first runes of the current state's rules, or nil
// (try every rule) should a mutator have given the state rules other than
// the lexer's own.
func (f *fastLexer) firstOf(l *chroma.LexerState, rules []*chroma.CompiledRule) []*firstRunes {
	own := f.rules[l.State]
	if len(own) != len(rules) || len(own) == 0 || own[0] != rules[0] {
		return nil
	}
	return f.first[l.State]
}

// match is chroma's matchRules, skipping the rules that cannot begin with
// text[pos] by first (indexed like rules; nil skips none).
func (f *fastLexer) match(text []rune, pos int, rules []*chroma.CompiledRule, first []*firstRunes) (int, *chroma.CompiledRule, []string, map[string]string) {
	c := text[pos]
	for i, rule := range rules {
		if first != nil && !first[i].may(c) {
			continue
		}
		m, err := rule.Regexp.FindRunesMatchStartingAt(text, pos)
		if m != nil && err == nil && m.RuneIndex == pos {
			all := m.Groups()
			groups := make([]string, 0, len(all))
			named := make(map[string]string, len(all))
			for _, g := range all {
				named[g.Name] = g.String()
				groups = append(groups, g.String())
			}
			return i, rule, groups, named
		}
	}
	return 0, &chroma.CompiledRule{}, nil, nil
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
