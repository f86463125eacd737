package highlight

import (
	"fmt"
	"math"
	"reflect"
	"sync"
	"time"
	"unsafe"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// prepared holds the chroma lexers quire has readied for use. chroma's
// lexers are process-wide values in its own registry, so this record of a
// change made to them is process-wide too: it is the one piece of
// package-level state here, and it only ever grows by lexers that are
// already global.
var prepared sync.Map // chroma.Lexer → *preparedLexer

// preparedLexer is one of chroma's lexers readied by prepare.
type preparedLexer struct {
	once  sync.Once
	lexer chroma.Lexer
	fast  *fastLexer // nil: tokens come from chroma's own iterator
}

// lexer returns chroma's lexer for lang, readied, or nil when there is
// none or lang is not a ValidLanguage.
func lexer(lang string) *preparedLexer {
	if !ValidLanguage(lang) {
		return nil
	}
	l := lexers.Get(lang)
	if l == nil {
		return nil
	}
	return ready(l)
}

// ready returns l readied.
func ready(l chroma.Lexer) *preparedLexer {
	v, _ := prepared.LoadOrStore(l, &preparedLexer{lexer: l})
	p := v.(*preparedLexer)
	p.once.Do(p.prepare)
	return p
}

// prepare compiles a regex lexer's rules (chroma does so on first use),
// removes their match timeout and builds the fast lexer over them.
//
// chroma compiles every rule with a 250 ms regexp2 MatchTimeout, and a
// rule whose match times out simply does not match, so on a loaded machine
// (a build on every core, CI runners) the same code was sometimes lexed
// differently: "metadata:" in YAML came out as a plain literal instead of a
// key. Output must not depend on timing, and quire's lexers run on trusted
// page content, so the timeout goes. Skipping the timeout checks also saves
// their cost on every match.
func (p *preparedLexer) prepare() {
	rl, ok := p.lexer.(*chroma.RegexLexer)
	if !ok {
		return
	}
	if _, err := rl.Tokenise(nil, ""); err != nil {
		return
	}
	removeTimeouts(rl)
	p.fast = newFastLexer(rl)
}

// tokens returns code's tokens, coalesced as chroma.Coalesce does, or an
// error when the lexer fails.
func (p *preparedLexer) tokens(code string) ([]chroma.Token, error) {
	if p.fast != nil {
		return p.fast.tokens(code)
	}
	return chromaTokens(p.lexer, code)
}

// chromaTokens returns code's tokens from chroma's own iterator, coalesced;
// a lexer that panics (chroma's way of failing inside an iterator) gives an
// error.
func chromaTokens(l chroma.Lexer, code string) (out []chroma.Token, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("highlight: %s lexer: %v", l.Config().Name, r)
		}
	}()
	it, err := chroma.Coalesce(l).Tokenise(nil, code)
	if err != nil {
		return nil, err
	}
	return it.Tokens(), nil
}

// forever is regexp2's DefaultMatchTimeout: no timeout checks at all.
const forever = time.Duration(math.MaxInt64)

// removeTimeouts sets the MatchTimeout of each of rl's compiled rules to
// forever. chroma keeps the compiled rules in an unexported field, so they
// are reached by reflection; should a chroma release change that layout
// this does nothing (TestNoMatchTimeout says so) and highlighting still
// works, with chroma's timeout and iterator.
func removeTimeouts(rl *chroma.RegexLexer) {
	for _, cr := range compiledRules(rl) {
		if cr.Regexp != nil {
			cr.Regexp.MatchTimeout = forever
		}
	}
}

// compiledRules returns the compiled rules of rl, or nil when chroma's
// RegexLexer no longer keeps them as map[string][]*CompiledRule in "rules".
func compiledRules(rl *chroma.RegexLexer) []*chroma.CompiledRule {
	var out []*chroma.CompiledRule
	for _, rules := range ruleMap(rl) {
		out = append(out, rules...)
	}
	return out
}

// ruleMap returns rl's compiled rules by state (chroma's own map, not a
// copy), or nil when chroma's RegexLexer no longer keeps them as
// map[string][]*CompiledRule in "rules".
func ruleMap(rl *chroma.RegexLexer) chroma.CompiledRules {
	f := reflect.ValueOf(rl).Elem().FieldByName("rules")
	if !f.IsValid() || f.Type() != reflect.TypeFor[map[string][]*chroma.CompiledRule]() {
		return nil
	}
	return *(*map[string][]*chroma.CompiledRule)(unsafe.Pointer(f.UnsafeAddr()))
}
