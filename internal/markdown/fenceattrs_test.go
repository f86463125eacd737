package markdown

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseFenceAttrs(t *testing.T) {
	t.Parallel()
	word := func(s string, off int) attrValue { return attrValue{Kind: attrWord, Text: s, Off: off} }
	num := func(s string, off int) attrValue { return attrValue{Kind: attrNumber, Text: s, Off: off} }
	str := func(s string, off int) attrValue { return attrValue{Kind: attrString, Text: s, Off: off} }
	tests := []struct {
		name    string
		in      string
		want    []fenceAttr
		end     int
		wantErr string // substring of the error, at errOff
		errOff  int
	}{
		{name: "Empty", in: "{}", end: 2},
		{name: "HugoExample", in: `{linenos=true, hl_lines=[2,"4-5"], linenostart=10}`, end: 50, want: []fenceAttr{
			{Name: "linenos", Value: attrValue{Kind: attrBool, Text: "true", Off: 9}, Off: 1},
			{Name: "hl_lines", Value: attrValue{Kind: attrArray, Off: 24, Items: []attrValue{num("2", 25), str("4-5", 27)}}, Off: 15},
			{Name: "linenostart", Value: num("10", 47), Off: 35},
		}},
		{name: "SpacesSeparate", in: `{linenos=inline hl_lines=[3, "6-8"]}`, end: 36, want: []fenceAttr{
			{Name: "linenos", Value: word("inline", 9), Off: 1},
			{Name: "hl_lines", Value: attrValue{Kind: attrArray, Off: 25, Items: []attrValue{num("3", 26), str("6-8", 29)}}, Off: 16},
		}},
		{name: "IDAndClasses", in: `{ #main .a .b }`, end: 15, want: []fenceAttr{
			{Name: "id", Value: word("main", 3), Off: 2},
			{Name: "class", Value: word("a", 9), Off: 8},
			{Name: "class", Value: word("b", 12), Off: 11},
		}},
		{name: "StringEscapes", in: `{title="a \"b\"\\c\q"}`, end: 22, want: []fenceAttr{
			{Name: "title", Value: str(`a "b"\c\q`, 7), Off: 1},
		}},
		{name: "SpacesAroundEquals", in: `{title = main.go}`, end: 17, want: []fenceAttr{
			{Name: "title", Value: word("main.go", 9), Off: 1},
		}},
		{name: "TextAfterBlockNotRead", in: `{a=1} rest`, end: 5, want: []fenceAttr{
			{Name: "a", Value: num("1", 3), Off: 1},
		}},
		{name: "NoClosingBrace", in: `{linenos=true`, wantErr: "no closing }", errOff: 0},
		{name: "NoValue", in: `{linenos}`, wantErr: `want = and a value after "linenos"`, errOff: 8},
		{name: "UnterminatedString", in: `{title="main.go}`, wantErr: `string has no closing "`, errOff: 7},
		{name: "UnterminatedArray", in: `{hl_lines=[1,2}`, wantErr: "want a value", errOff: 14},
		{name: "BadName", in: `{1=2}`, wantErr: "want an attribute", errOff: 1},
		{name: "NestedBlock", in: `{a={b=1}}`, wantErr: "not supported", errOff: 3},
		{name: "NoSeparator", in: `{a="x"b=1}`, wantErr: "want a space, a comma or }", errOff: 6},
		{name: "DeepArrays", in: "{a=" + strings.Repeat("[", 20) + strings.Repeat("]", 20) + "}", wantErr: "nested more than", errOff: 11},
		{name: "EmptyClass", in: `{. x}`, wantErr: `want a name after "."`, errOff: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, end, err := parseFenceAttrs(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Msg, tt.wantErr) || err.Off != tt.errOff {
					t.Fatalf("parseFenceAttrs(%q) error = %+v, want %q at %d", tt.in, err, tt.wantErr, tt.errOff)
				}
				return
			}
			if err != nil {
				t.Fatalf("parseFenceAttrs(%q) error = %+v", tt.in, err)
			}
			if !reflect.DeepEqual(got, tt.want) || end != tt.end {
				t.Errorf("parseFenceAttrs(%q) = %+v, %d\nwant %+v, %d", tt.in, got, end, tt.want, tt.end)
			}
		})
	}
}

// FuzzFenceAttrs: parsing any info string never panics, every offset it
// reports is inside the input, and what it reads is applied or warned of.
func FuzzFenceAttrs(f *testing.F) {
	for _, s := range []string{
		`go {linenos=true, hl_lines=[2,"4-5"], linenostart=10, anchorlinenos=true, lineNumbersInTable=false}`,
		`go {title="main.go" #id .a .b}`, `{x=[[[1]]]}`, `f&ouml;&ouml; {a="\"}`, `c&#43;&#43;{linenos=table}`,
		`{hl_lines="1-2 5" linenos=inline}`, `{style=emacs}`, `x\{a=1}`, `{a=-1e+5}`, `{title=}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, info string) {
		attrs, end, err := parseFenceAttrs(info)
		if err != nil {
			if err.Off < 0 || err.Off > len(info) || attrs != nil {
				t.Fatalf("parseFenceAttrs(%q): error %+v with %d attributes", info, err, len(attrs))
			}
		} else if end < 2 || end > len(info) || info[end-1] != '}' {
			t.Fatalf("parseFenceAttrs(%q): end %d", info, end)
		}
		for _, a := range attrs {
			if a.Off < 1 || a.Off >= end || a.Value.Off <= a.Off || a.Value.Off >= end {
				t.Fatalf("parseFenceAttrs(%q): attribute %+v outside the block", info, a)
			}
		}
		fc := parseFence(info, 3)
		for _, w := range fc.Warnings {
			if w.Off < 0 || w.Off > len(info) || w.Msg == "" {
				t.Fatalf("parseFence(%q): warning %+v", info, w)
			}
		}
		for _, r := range fc.Lines.Highlight {
			if r[0] > r[1] {
				t.Fatalf("parseFence(%q): range %v", info, r)
			}
		}
	})
}
