package markdown

import (
	"unicode/utf8"

	"github.com/quire-docs/quire/internal/highlight"
)

// BadLang is a fenced code block whose language (the info string's first
// word) cannot name a lexer.
type BadLang struct {
	Pos  Pos    // of the info string
	Lang string // as written, shortened to maxQuoted characters with "…"
}

// maxQuoted is the most characters of a language quoted in a message.
const maxQuoted = 40

// badLang reports lang, a fence's language, when it is set but not a
// highlight.ValidLanguage.
func badLang(lang string) (BadLang, bool) {
	if lang == "" || highlight.ValidLanguage(lang) {
		return BadLang{}, false
	}
	return BadLang{Lang: shorten(lang, maxQuoted)}, true
}

// shorten returns s cut to at most n characters, with "…" in place of
// what was cut.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, count := 0, 0
	for i = range s {
		if count == n-1 {
			break
		}
		count++
	}
	return s[:i] + "…"
}
