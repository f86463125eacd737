package search

import (
	"strings"
	"sync"

	"github.com/kljensen/snowball/english"
)

// stopWord reports whether folded word w is one of the English words left
// out of the index and of queries (when a query has other words): they are
// in almost every section and tell none apart. The theme's script
// (js/search.js) has the same list.
func stopWord(w string) bool {
	switch w {
	case "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "does", "for",
		"from", "how", "i", "if", "in", "into", "is", "it", "its", "me", "my", "no", "not", "of",
		"on", "or", "our", "so", "than", "that", "the", "their", "them", "then", "there", "these",
		"they", "this", "to", "us", "was", "we", "what", "when", "where", "which", "who", "why",
		"will", "with", "you", "your":
		return true
	}
	return false
}

// Lang is the language search stems words in: "en" for English (Snowball's
// Porter2), "" for none.
func Lang(languageCode string) string {
	l := strings.ToLower(languageCode)
	if l == "en" || strings.HasPrefix(l, "en-") || strings.HasPrefix(l, "en_") {
		return "en"
	}
	return ""
}

// stemmer turns folded word tokens into index terms, remembering each
// word's term: a site has tens of thousands of distinct words and hundreds
// of millions of word tokens. It is safe for concurrent use.
type stemmer struct {
	lang  string
	cache sync.Map // word → term ("" for a stop word)
}

// term returns the index term of folded word w, or "" when w is a stop
// word. Only words of ASCII letters are stemmed (the stemmer knows no
// others); the rest are terms as they are.
func (s *stemmer) term(w string) string {
	if s.lang == "" {
		return w
	}
	if t, ok := s.cache.Load(w); ok {
		return t.(string)
	}
	t := stemWord(w)
	s.cache.Store(strings.Clone(w), t)
	return t
}

// stemWord is the English term of folded word w, uncached.
func stemWord(w string) string {
	if stopWord(w) {
		return ""
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return w
		}
	}
	return english.Stem(w, true)
}
