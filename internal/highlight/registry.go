package highlight

import (
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// subLexers returns the registry in which quire's lexing looks up the
// lexers a lexer hands parts of its text to (chroma's Using and
// UsingByGroup emitters: JavaScript and CSS inside HTML, the languages of
// fenced code inside Markdown). It holds chroma's lexers, each wrapped so
// that it is readied by lexer before its first use: without it, embedded
// languages ran with chroma's 250 ms match timeouts on every rule, and their
// highlighting depended on the machine's load.
//
// Like prepared, it is process-wide: it only wraps lexers that are already
// global, and it is built once.
var subLexers = sync.OnceValue(func() *chroma.LexerRegistry {
	r := chroma.NewLexerRegistry()
	for _, l := range lexers.GlobalLexerRegistry.Lexers {
		r.Register(readyLexer{l})
	}
	return r
})

// readyLexer is one of chroma's lexers as subLexers hands it out: readied
// (see preparedLexer.prepare) on first use, and run by the fast lexer when
// there is one.
type readyLexer struct{ chroma.Lexer }

// Tokenise lexes text as the wrapped lexer's own Tokenise does.
func (r readyLexer) Tokenise(o *chroma.TokeniseOptions, text string) (chroma.Iterator, error) {
	p := ready(r.Lexer)
	if p.fast == nil {
		return p.lexer.Tokenise(o, text)
	}
	tokens, err := p.fast.tokenise(o, text)
	if err != nil {
		return nil, err
	}
	return chroma.Literator(tokens...), nil
}

// SetRegistry leaves the wrapped lexer's registry alone: registering the
// wrapper must not change chroma's global lexer.
func (r readyLexer) SetRegistry(*chroma.LexerRegistry) chroma.Lexer { return r }
