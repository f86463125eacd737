package highlight

import (
	"math"
	"reflect"
	"sync"
	"time"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// untimed records the chroma lexers whose regexps have had their match
// timeout removed. chroma's lexers are process-wide values in its own
// registry, so this record of a change made to them is process-wide too:
// it is the one piece of package-level state here, and it only ever grows
// by lexers that are already global.
var untimed sync.Map // chroma.Lexer → *sync.Once

// lexer returns chroma's lexer for lang (nil when there is none) with no
// match timeout on its rules.
//
// chroma compiles every rule with a 250 ms regexp2 MatchTimeout, and a
// rule whose match times out simply does not match, so on a loaded machine
// (a build on every core, CI runners) the same code was sometimes lexed
// differently: "metadata:" in YAML came out as a plain literal instead of a
// key. Output must not depend on timing, and quire's lexers run on trusted
// page content, so the timeout goes. Skipping the timeout checks also saves
// their cost on every match.
func lexer(lang string) chroma.Lexer {
	l := lexers.Get(lang)
	if l == nil {
		return nil
	}
	once, _ := untimed.LoadOrStore(l, new(sync.Once))
	once.(*sync.Once).Do(func() { removeTimeouts(l) })
	return l
}

// forever is regexp2's DefaultMatchTimeout: no timeout checks at all.
const forever = time.Duration(math.MaxInt64)

// removeTimeouts compiles l's rules (chroma does so on first use) and sets
// each rule's MatchTimeout to forever. chroma keeps the compiled rules in
// an unexported field, so they are reached by reflection; should a chroma
// release change that layout this does nothing (TestNoMatchTimeout says
// so) and highlighting still works, with chroma's timeout.
func removeTimeouts(l chroma.Lexer) {
	rl, ok := l.(*chroma.RegexLexer)
	if !ok {
		return
	}
	if _, err := rl.Tokenise(nil, ""); err != nil {
		return
	}
	for _, cr := range compiledRules(rl) {
		if cr.Regexp != nil {
			cr.Regexp.MatchTimeout = forever
		}
	}
}

// compiledRules returns the compiled rules of rl, or nil when chroma's
// RegexLexer no longer keeps them as map[string][]*CompiledRule in "rules".
func compiledRules(rl *chroma.RegexLexer) []*chroma.CompiledRule {
	f := reflect.ValueOf(rl).Elem().FieldByName("rules")
	if !f.IsValid() || f.Kind() != reflect.Map || f.Type().Elem() != reflect.TypeFor[[]*chroma.CompiledRule]() {
		return nil
	}
	var out []*chroma.CompiledRule
	iter := f.MapRange()
	for iter.Next() {
		rules := iter.Value()
		for i := range rules.Len() {
			out = append(out, (*chroma.CompiledRule)(rules.Index(i).UnsafePointer()))
		}
	}
	return out
}
