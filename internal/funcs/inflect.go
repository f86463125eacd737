package funcs

import (
	"strconv"
	"strings"
	"unicode"
)

// Inflect is Hugo's inflect namespace: English inflection.
type Inflect struct{}

// Humanize returns s as a sentence: "my-first-post" → "My first post",
// "myCamelPost" → "My camel post"; an integer gets its ordinal suffix:
// 52 → "52nd".
func (Inflect) Humanize(s any) (string, error) {
	x, err := str("humanize", s)
	if err != nil {
		return "", err
	}
	if n, err := strconv.ParseInt(x, 10, 64); err == nil {
		return x + ordinal(n), nil
	}
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(x)
	for i, r := range rs {
		switch {
		case r == '-' || r == '_' || unicode.IsSpace(r):
			flush()
		case unicode.IsUpper(r) && i > 0 && (unicode.IsLower(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(rs[i-1])):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
	}
	flush()
	out := strings.Join(words, " ")
	return upperFirstLetter(out), nil
}

// ordinal returns the English ordinal suffix of n: st, nd, rd or th.
func ordinal(n int64) string {
	if n < 0 {
		n = -n
	}
	switch n % 100 {
	case 11, 12, 13:
		return "th"
	}
	switch n % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

// Pluralize returns the English plural of a noun: "cat" → "cats",
// "child" → "children", "box" → "boxes".
func (Inflect) Pluralize(s any) (string, error) {
	x, err := str("pluralize", s)
	return inflectWord(x, irregularPlural, pluralRules), err
}

// Singularize returns the English singular of a noun: "cats" → "cat".
func (Inflect) Singularize(s any) (string, error) {
	x, err := str("singularize", s)
	return inflectWord(x, irregularSingular, singularRules), err
}

// inflectWord applies an irregular form, else the first suffix rule that
// fits, keeping the case of the word's first letter.
func inflectWord(w string, irregular map[string]string, rules []suffixRule) string {
	lw := strings.ToLower(w)
	if w == "" || uncountable[lw] {
		return w
	}
	if to, ok := irregular[lw]; ok {
		if w[:1] != lw[:1] {
			return upperFirstLetter(to)
		}
		return to
	}
	for _, r := range rules {
		if strings.HasSuffix(lw, r.from) && len(lw) > len(r.from) || r.from == "" {
			return w[:len(w)-len(r.from)] + r.to
		}
	}
	return w
}

type suffixRule struct{ from, to string }

var uncountable = map[string]bool{
	"equipment": true, "information": true, "rice": true, "money": true, "species": true,
	"series": true, "fish": true, "sheep": true, "deer": true, "news": true, "jeans": true,
	"police": true, "software": true, "hardware": true, "data": true, "metadata": true,
}

var irregularPlural = map[string]string{
	"person": "people", "man": "men", "woman": "women", "child": "children", "mouse": "mice",
	"goose": "geese", "tooth": "teeth", "foot": "feet", "ox": "oxen", "move": "moves",
	"zombie": "zombies", "quiz": "quizzes", "index": "indices", "matrix": "matrices",
	"vertex": "vertices", "datum": "data", "criterion": "criteria", "analysis": "analyses",
	"leaf": "leaves", "knife": "knives", "wife": "wives", "life": "lives", "half": "halves",
	"wolf": "wolves", "shelf": "shelves", "calf": "calves", "elf": "elves", "self": "selves",
	"thief": "thieves", "hero": "heroes", "potato": "potatoes", "tomato": "tomatoes",
	"echo": "echoes", "veto": "vetoes", "cactus": "cacti", "octopus": "octopi", "virus": "viruses",
	"axis": "axes", "bus": "buses", "crisis": "crises", "thesis": "theses",
}

var irregularSingular = func() map[string]string {
	m := make(map[string]string, len(irregularPlural))
	for k, v := range irregularPlural {
		if k != v {
			m[v] = k
		}
	}
	return m
}()

// Suffix rules, most specific first.
var pluralRules = []suffixRule{
	{"ss", "sses"}, {"sh", "shes"}, {"ch", "ches"}, {"x", "xes"}, {"z", "zes"}, {"us", "uses"},
	{"ay", "ays"}, {"ey", "eys"}, {"iy", "iys"}, {"oy", "oys"}, {"uy", "uys"}, {"y", "ies"},
	{"s", "s"}, {"", "s"},
}

var singularRules = []suffixRule{
	{"sses", "ss"}, {"shes", "sh"}, {"ches", "ch"}, {"xes", "x"}, {"zes", "z"}, {"uses", "us"},
	{"ies", "y"}, {"ss", "ss"}, {"us", "us"}, {"is", "is"}, {"s", ""},
}
