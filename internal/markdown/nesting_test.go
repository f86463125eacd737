package markdown

import (
	"errors"
	"strings"
	"testing"
)

// nested returns n list items, each nested in the one before by indentation.
func nested(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	return b.String()
}

func TestCheckNesting(t *testing.T) {
	t.Parallel()
	const limit = 5
	tests := []struct {
		name, src string
		want      *NestingError // nil: accepted
	}{
		{"FlatListAccepted", "- a\n- b\n- c\n", nil},
		{"NestedAtLimitAccepted", nested(5), nil},
		{"NestedByIndentRefused", nested(6), &NestingError{Pos{6, 1}, 6, limit}},
		{"SiblingsDoNotNest", "- a\n  - b\n  - c\n  - d\n  - e\n  - f\n  - g\n", nil},
		{"DedentClosesItems", nested(5) + "- top\n" + nested(5), nil},
		{"MarkersOnOneLineRefused", "text\n\n- - - - - - x\n", &NestingError{Pos{3, 1}, 6, limit}},
		{"QuotesOnOneLineRefused", "> > > > > > x\n", &NestingError{Pos{1, 1}, 6, limit}},
		{"QuotesAndListsRefused", "> - > 1. > * x\n", &NestingError{Pos{1, 1}, 6, limit}},
		{"ChainThenIndentRefused", "- - - x\n      - - - y\n", &NestingError{Pos{2, 1}, 6, limit}},
		{"OrderedNestedRefused", "1. a\n   1. b\n      1. c\n         1. d\n            1. e\n               1. f\n", &NestingError{Pos{6, 1}, 6, limit}},
		{"TabsNest", "- a\n\t- b\n\t\t- c\n\t\t\t- d\n\t\t\t\t- e\n\t\t\t\t\t- f\n", &NestingError{Pos{6, 1}, 6, limit}},
		{"BlankLinesKeepItemsOpen", strings.ReplaceAll(nested(6), "\n", "\n\n"), &NestingError{Pos{11, 1}, 6, limit}},
		{"FencedCodeSkipped", "```yaml\n" + nested(20) + "```\n", nil},
		{"FenceInItemSkipped", "- a\n\n  ~~~~\n" + strings.ReplaceAll(nested(20), "- ", "  - ") + "  ~~~~\n- b\n", nil},
		{"FenceEndsWithItem", "- ```\n" + nested(6), &NestingError{Pos{7, 1}, 6, limit}},
		{"IndentedCodeSkipped", "    - - - - - - - x\n", nil},
		{"ThematicBreakNotAList", "---\n***\n- - -x\n", nil},
		{"NumberWithoutSpaceNotAList", "1.2.3.4.5.6 x\n", nil},
		{"Empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := checkNesting([]byte(tt.src), limit)
			if tt.want == nil {
				if err != nil {
					t.Errorf("checkNesting(%q) = %v, want nil", tt.src, err)
				}
				return
			}
			var ne *NestingError
			if !errors.As(err, &ne) || *ne != *tt.want {
				t.Errorf("checkNesting(%q) = %#v, want %#v", tt.src, err, tt.want)
			}
		})
	}
}

// TestDeepNestingRefusedBeforeParsing: 2,000 nested items (17 s in
// goldmark) are refused with the place and the limit; the default limit
// leaves room for any real page.
func TestDeepNestingRefusedBeforeParsing(t *testing.T) {
	t.Parallel()
	r := New(Options{})
	if _, err := r.Render([]byte(nested(DefaultMaxNesting))); err != nil {
		t.Fatalf("Render of %d nested items: %v", DefaultMaxNesting, err)
	}
	_, err := r.Render([]byte("# Title\n\n" + nested(2000)))
	var ne *NestingError
	if !errors.As(err, &ne) {
		t.Fatalf("Render of 2000 nested items: err = %v, want a *NestingError", err)
	}
	if want := (NestingError{Pos{Line: 3 + DefaultMaxNesting, Col: 1}, DefaultMaxNesting + 1, DefaultMaxNesting}); *ne != want {
		t.Errorf("err = %#v, want %#v", *ne, want)
	}
	if got, want := err.Error(), "lists and block quotes nested 101 deep; the limit is 100"; got != want {
		t.Errorf("err = %q, want %q", got, want)
	}
}

func FuzzCheckNesting(f *testing.F) {
	f.Add([]byte(nested(8)), 5)
	f.Add([]byte("> - > 1. > * x\n"), 3)
	f.Add([]byte("- ```\n  - a\n  ```\n\t- b\n"), 2)
	f.Add([]byte("1)\t\t- x\n"), 1)
	f.Fuzz(func(t *testing.T, src []byte, limit int) {
		limit = 1 + int(uint(limit)%50)
		err := checkNesting(src, limit)
		if err == nil {
			return
		}
		var ne *NestingError
		if !errors.As(err, &ne) {
			t.Fatalf("checkNesting(%q, %d) = %v, want a *NestingError", src, limit, err)
		}
		if ne.Depth <= limit || ne.Pos.Line < 1 || ne.Pos.Line > 1+strings.Count(string(src), "\n") {
			t.Fatalf("checkNesting(%q, %d) = %#v: bad depth or line", src, limit, ne)
		}
	})
}
