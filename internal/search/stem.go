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
	local sync.Pool
}

// localTerms is a cache of the stemmer's in front of its shared one, for
// one goroutine at a time: reading a plain map costs less than reading
// the sync.Map all cores share, and a page looks up each of its words
// many times.
type localTerms map[string]string

// maxLocalTerms bounds a localTerms; past it, it starts again empty.
const maxLocalTerms = 1 << 16

// terms returns a localTerms for the caller's use until it passes it to
// done.
func (s *stemmer) terms() localTerms {
	if l, ok := s.local.Get().(localTerms); ok {
		return l
	}
	return localTerms{}
}

// done takes back l from terms.
func (s *stemmer) done(l localTerms) {
	if len(l) > maxLocalTerms {
		clear(l)
	}
	s.local.Put(l)
}

// term is s.term(w), remembered in l.
func (l localTerms) term(s *stemmer, w string) string {
	if s.lang == "" {
		return w
	}
	if t, ok := l[w]; ok {
		return t
	}
	t := s.term(w)
	l[strings.Clone(w)] = t // w may be part of a page's whole text
	return t
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
