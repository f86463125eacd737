package markdown

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/highlight"
)

func TestParseFence(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, info string
		want       fence // Warnings compared by message substrings below
		warns      []string
	}{
		{name: "LanguageOnly", info: "go", want: fence{Lang: "go"}},
		{name: "WordsAfterLanguageIgnored", info: "ruby startline=3 $%@#$", want: fence{Lang: "ruby"}},
		{name: "EntitiesResolved", info: "f&ouml;&ouml;", want: fence{Lang: "föö"}},
		{name: "NumericEntitiesResolved", info: "c&#43;&#x2B;", want: fence{Lang: "c++"}},
		{name: "BackslashEscapesResolved", info: `foo\+bar`, want: fence{Lang: "foo+bar"}},
		{name: "EscapedEntityStays", info: `\&ouml;`, want: fence{Lang: "&ouml;"}},
		{name: "EscapedBraceIsNoBlock", info: `x\{a=1}`, want: fence{Lang: "x{a=1}"}},
		{name: "UnknownEntityStays", info: "a&nosuch;", want: fence{Lang: "a&nosuch;"}},
		{name: "NullReferenceIsReplacementChar", info: "a&#0;", want: fence{Lang: "a\uFFFD"}},
		{name: "HugoExample", info: `go {linenos=true, hl_lines=[2,"4-5"], linenostart=10, anchorlinenos=true, lineNumbersInTable=false}`,
			want: fence{Lang: "go", Lines: highlight.LineOptions{Numbers: true, Start: 10, Highlight: [][2]int{{11, 11}, {13, 14}}, Anchors: true, AnchorPrefix: "hl-4-"}}},
		{name: "LinenosTrueIsATableByDefault", info: "go {linenos=true}",
			want: fence{Lang: "go", Lines: highlight.LineOptions{Numbers: true, Table: true, Start: 1}}},
		{name: "LinenosInline", info: "go{linenos=inline, lineNumbersInTable=true}",
			want: fence{Lang: "go", Lines: highlight.LineOptions{Numbers: true, Start: 1}}},
		{name: "LinenosTableQuoted", info: `go {linenos="table"}`,
			want: fence{Lang: "go", Lines: highlight.LineOptions{Numbers: true, Table: true, Start: 1}}},
		{name: "KeysCaseInsensitive", info: `go {LineNos=inline HL_Lines="1 3-4"}`,
			want: fence{Lang: "go", Lines: highlight.LineOptions{Numbers: true, Start: 1, Highlight: [][2]int{{1, 1}, {3, 4}}}}},
		{name: "HighlightWithoutNumbers", info: `{hl_lines=2}`,
			want: fence{Lines: highlight.LineOptions{Start: 1, Highlight: [][2]int{{2, 2}}}}},
		{name: "LineAnchorsPrefix", info: `go {linenos=table anchorlinenos=true lineanchors=main}`,
			want: fence{Lang: "go", Lines: highlight.LineOptions{Numbers: true, Table: true, Start: 1, Anchors: true, AnchorPrefix: "main-"}}},
		{name: "AnchorsNeedNumbers", info: `go {anchorlinenos=true}`,
			want: fence{Lang: "go", Lines: highlight.LineOptions{Start: 1}}},
		{name: "TitleIDClasses", info: `go {title="main.go" #entry .a class="b c"}`,
			want: fence{Lang: "go", Title: "main.go", ID: "entry", Class: "a b c", Lines: highlight.LineOptions{Start: 1}}},
		{name: "UnknownAttributeWarned", info: `go {linenos=true, colour=red}`,
			want:  fence{Lang: "go", Lines: highlight.LineOptions{Numbers: true, Table: true, Start: 1}},
			warns: []string{`18:unknown code block attribute "colour"; ignored`}},
		{name: "MisspeltAttributeSuggested", info: `go {hl_line=2}`,
			want:  fence{Lang: "go", Lines: highlight.LineOptions{Start: 1}},
			warns: []string{`4:unknown code block attribute "hl_line"; ignored (did you mean hl_lines?)`}},
		{name: "HugoOnlyOptionWarned", info: `go {style=emacs}`,
			want:  fence{Lang: "go", Lines: highlight.LineOptions{Start: 1}},
			warns: []string{"4:code block option style has no effect in quire; ignored"}},
		{name: "BadValuesWarned", info: `{linenos=yes linenostart=-1 hl_lines="3-1" anchorlinenos=1 id="a b"}`,
			want: fence{Lines: highlight.LineOptions{Start: 1}},
			warns: []string{
				"1:code block attribute linenos=yes: want true, false, inline or table; ignored",
				"13:code block attribute linenostart=-1: want a line number; ignored",
				`28:code block attribute hl_lines="3-1": want lines and ranges`,
				"43:code block attribute anchorlinenos=1: want true or false; ignored",
				`59:code block attribute id="a b": want an id without spaces; ignored`,
			}},
		{name: "SyntaxErrorWarnedNothingApplied", info: `go {linenos=true title="x}`,
			want:  fence{Lang: "go"},
			warns: []string{`23:code block attributes not applied: string has no closing "`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := parseFence(tt.info, 4)
			var warns []string
			for _, w := range got.Warnings {
				s := itoa(w.Off) + ":" + w.Msg
				if strings.HasPrefix(w.Hint, "did you mean") {
					s += " (" + w.Hint + ")"
				}
				warns = append(warns, s)
			}
			got.Warnings = nil
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("parseFence(%q) = %+v\nwant %+v", tt.info, got, tt.want)
			}
			if len(warns) != len(tt.warns) {
				t.Fatalf("parseFence(%q) warnings = %q, want %q", tt.info, warns, tt.warns)
			}
			for i := range warns {
				if !strings.HasPrefix(warns[i], tt.warns[i]) {
					t.Errorf("parseFence(%q) warning %d = %q, want %q", tt.info, i, warns[i], tt.warns[i])
				}
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestFenceWarningsHavePositions: what a fence's attributes ask for and
// is not applied comes back in Result.Warnings, at the attribute's line
// and byte column in the body, in document order.
func TestFenceWarningsHavePositions(t *testing.T) {
	t.Parallel()
	src := "# T\n\n- item\n\n  ```go {linenos=true, colour=red}\n  x\n  ```\n\n~~~ {title=\"a\" style=emacs\n~~~\n"
	res, err := New(Options{}).Render([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, strconv.Itoa(w.Pos.Line)+":"+strconv.Itoa(w.Pos.Col)+": "+w.Msg)
	}
	want := []string{
		`5:24: unknown code block attribute "colour"; ignored`,
		`9:5: code block attributes not applied: attribute block has no closing }`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Warnings = %q\nwant %q", got, want)
	}
	if !strings.Contains(string(res.HTML), `class="lntable"`) {
		t.Errorf("HTML has no line number table:\n%s", res.HTML)
	}
}
