package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxTerm is the longest token indexed, in bytes; longer ones (hashes,
// base64) are left out. The theme's script drops the same ones.
const MaxTerm = 40

// Fold returns s lower-cased with its diacritics removed (decomposed, less
// its combining marks), so "Résumé" and "resume" index alike. The theme's
// script folds queries the same way: s.normalize("NFD"), less \p{M},
// toLowerCase().
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.M, r) {
			b.WriteRune(r)
		}
	}
	return strings.ToLower(b.String())
}

// cjk reports whether r is written without spaces between words (Han,
// kana, Hangul): runs of such characters are indexed as overlapping
// bigrams.
func cjk(r rune) bool {
	return r >= 0x1100 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r))
}

// wordRune reports whether r is part of a word: a letter or digit.
func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

// Tokens calls yield with each token of folded text s, in order: runs of
// letters and digits, and the overlapping bigrams of each run of CJK
// characters (the character itself when the run has one). word is false
// for CJK tokens, which are neither stemmed nor stop words.
func Tokens(s string, yield func(tok string, word bool)) {
	start, kind := -1, 0 // kind: 1 word, 2 CJK
	var prev int         // start of the previous CJK character
	emit := func(end int) {
		if start < 0 {
			return
		}
		if kind == 1 {
			if end-start <= MaxTerm {
				yield(s[start:end], true)
			}
		} else if _, n := utf8.DecodeRuneInString(s[start:]); start+n == end {
			yield(s[start:end], false) // a lone CJK character
		}
		start, kind = -1, 0
	}
	for i, r := range s {
		switch {
		case cjk(r):
			if kind == 2 {
				yield(s[prev:i+utf8.RuneLen(r)], false)
			} else {
				emit(i)
				start, kind = i, 2
			}
			prev = i
		case wordRune(r):
			if kind != 1 {
				emit(i)
				start, kind = i, 1
			}
		default:
			emit(i)
		}
	}
	emit(len(s))
}
