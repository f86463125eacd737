package markdown

import (
	"reflect"
	"strings"
	"testing"
)

func TestBadLangs(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", 20_000)
	tests := []struct {
		name, src string
		want      []BadLang
	}{
		{"ValidLanguageNotReported", "```go\nx\n```\n", nil},
		{"NoLanguageNotReported", "```\nx\n```\n", nil},
		{"UnknownButValidNotReported", "```mermaid\nx\n```\n", nil},
		{"OverlongReportedShortened", "text\n\n```" + long + "\nx\n```\n",
			[]BadLang{{Pos: Pos{Line: 3, Col: 4}, Lang: strings.Repeat("x", maxQuoted-1) + "…"}}},
		{"BadCharacterReported", "  ~~~ py@3 x\n  y\n  ~~~\n",
			[]BadLang{{Pos: Pos{Line: 1, Col: 7}, Lang: "py@3"}}},
		{"AttributeBlockIsNoLanguage", "~~~ {.python}\ny\n~~~\n", nil},
		{"EntityResolvedBeforeCheck", "```c&#43;&#43;\nx\n```\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, err := New(Options{}).Render([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(res.BadLangs, tt.want) {
				t.Errorf("BadLangs = %+v, want %+v", res.BadLangs, tt.want)
			}
			if len(tt.want) > 0 && strings.HasSuffix(tt.want[0].Lang, "…") && strings.Contains(string(res.HTML), "language-") {
				t.Errorf("HTML = %.200q, want no language class for an overlong language", res.HTML)
			}
		})
	}
}

func TestShorten(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"abc", 3, "abc"},
		{"abcd", 3, "ab…"},
		{"ééééé", 4, "ééé…"},
	}
	for _, tt := range tests {
		if got := shorten(tt.in, tt.n); got != tt.want {
			t.Errorf("shorten(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}
