package highlight

// MaxLanguageLen is the longest language name looked up for a lexer.
// chroma's longest name, alias or file name pattern has 27 characters.
const MaxLanguageLen = 64

// ValidLanguage reports whether lang can name a lexer: 1 to
// MaxLanguageLen bytes of ASCII letters, digits and _ + # . - (as in go,
// c++, c#, objective-c, py3, .go). Any other lang is never looked up:
// chroma matches a name against every lexer's names and file name
// patterns, in time that grows with the name's length (a 100 KB name took
// a minute), and no lexer has a name outside this set.
func ValidLanguage(lang string) bool {
	if lang == "" || len(lang) > MaxLanguageLen {
		return false
	}
	for i := 0; i < len(lang); i++ {
		c := lang[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case c == '_', c == '+', c == '#', c == '.', c == '-':
		default:
			return false
		}
	}
	return true
}
