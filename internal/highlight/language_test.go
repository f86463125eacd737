package highlight

import (
	"strings"
	"testing"
)

func TestValidLanguage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, lang string
		want       bool
	}{
		{"PlainName", "go", true},
		{"Punctuation", "c++", true},
		{"Sharp", "c#", true},
		{"Hyphen", "objective-c", true},
		{"Extension", ".go", true},
		{"LongestAllowed", strings.Repeat("a", MaxLanguageLen), true},
		{"Empty", "", false},
		{"OneTooLong", strings.Repeat("a", MaxLanguageLen+1), false},
		{"Huge", strings.Repeat("x", 100_000), false},
		{"Quote", `x"y`, false},
		{"Brace", "{.python}", false},
		{"Slash", "a/b", false},
		{"NonASCII", "gö", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := ValidLanguage(tt.lang); got != tt.want {
				t.Errorf("ValidLanguage(%.20q) = %v, want %v", tt.lang, got, tt.want)
			}
		})
	}
}

// TestInvalidLanguageHasNoLexer: a name that is not valid is never looked
// up, so it has no lexer even where chroma would match it as a pattern.
func TestInvalidLanguageHasNoLexer(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"*.go", strings.Repeat("x", 20_000)} {
		if l := lexer(lang); l != nil {
			t.Errorf("lexer(%.20q) = %s, want nil", lang, l.lexer.Config().Name)
		}
	}
}
