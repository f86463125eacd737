package highlight

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestLiteralsOf(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		pattern string
		want    []string // nil: no literals
	}{
		{`(break|case)\b`, []string{"break", "case"}},
		{`\G(?:(import|package)\b)`, []string{"import", "package"}},
		{`//[^\n\r]*`, []string{"//"}},
		{`(true|false|nil)\b`, []string{"true", "false", "nil"}},
		{`a+b`, []string{"a"}},
		{`abcdefghijkl`, []string{"abcdefgh"}},
		{`(ab|cd)(ef|gh)`, []string{"abef", "abgh", "cdef", "cdgh"}},
		{`(a|b)c`, nil}, // a set of single runes: firstRunes knows them
		{`(?i)(select|from)\b`, nil},
		{`[a-z]\w*`, nil},
		{`(a|b?)c`, nil},
		{`x?y`, nil},
		{`\s+`, nil},
		{`(foo|[0-9]+)`, nil},
		{`(?=abc)abd`, []string{"abd"}},
	} {
		l := literalsOf(c.pattern)
		var got []string
		if l != nil {
			for _, ss := range l.byFirst {
				for _, s := range ss {
					got = append(got, string(s))
				}
			}
		}
		slices.Sort(got)
		want := slices.Clone(c.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("literalsOf(%q) = %q, want %q", c.pattern, got, want)
		}
	}
}

// TestLiteralsNeverSkipAMatch: wherever a rule's literals say it cannot
// match, in every one of chroma's lexer samples, its regexp does not match
// there either (a necessary condition, never a guess).
func TestLiteralsNeverSkipAMatch(t *testing.T) {
	t.Parallel()
	dir := chromaDir(t)
	samples, _ := filepath.Glob(filepath.Join(dir, "lexers", "testdata", "*.actual"))
	skipped, checked := 0, 0
	for _, path := range samples {
		p := lexer(sampleLexer(path))
		if p == nil || p.fast == nil {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		runes := []rune(string(src))
		if len(runes) > 4000 {
			runes = runes[:4000]
		}
		for state, plans := range p.fast.plans {
			for _, pl := range plans {
				if pl.lits == nil {
					continue
				}
				for pos := range runes {
					if pl.lits.may(runes, pos) {
						continue
					}
					skipped++
					m, err := pl.rule.Regexp.FindRunesMatchStartingAt(runes, pos)
					if err == nil && m != nil && m.RuneIndex == pos {
						t.Fatalf("%s: state %s: rule %q matches at %d, where its literals say it cannot", path, state, pl.rule.Pattern, pos)
					}
				}
				checked++
			}
		}
	}
	if checked < 1000 || skipped == 0 {
		t.Errorf("only %d rules with literals checked, %d positions skipped", checked, skipped)
	}
}
