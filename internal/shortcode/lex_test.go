package shortcode

import (
	"fmt"
	"strings"
	"testing"
)

// dumpItems formats lexed items compactly for comparison.
func dumpItems(src string, items []item) string {
	var b strings.Builder
	for _, it := range items {
		switch it.kind {
		case itemText:
			fmt.Fprintf(&b, "T%q ", src[it.start:it.end])
		case itemEscaped:
			if it.code {
				fmt.Fprintf(&b, "C%q ", it.lit) // prints as written
			} else {
				fmt.Fprintf(&b, "E%q ", it.lit)
			}
		case itemTag:
			t := it.tag
			d := "<"
			if t.Markdown {
				d = "%"
			}
			mark := ""
			if t.Close {
				mark = "/"
			}
			if t.SelfClose {
				mark = "self "
			}
			fmt.Fprintf(&b, "{%s%s%s", d, mark, t.Name)
			for _, p := range t.Params {
				if p.Name != "" {
					fmt.Fprintf(&b, " %s=%#v", p.Name, p.Value)
				} else {
					fmt.Fprintf(&b, " %#v", p.Value)
				}
			}
			b.WriteString("} ")
		}
	}
	return strings.TrimSpace(b.String())
}

func TestLex(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"HTMLForm", "a {{< x >}} b", `T"a " {<x} T" b"`},
		{"MarkdownForm", "{{% note %}}", `{%note}`},
		{"Closing", "{{< /x >}}{{% / y %}}", `{</x} {%/y}`},
		{"SelfClosing", "{{< x />}}{{% y /%}}", `{<self x} {%self y}`},
		{"Positional", `{{< x "a b" c 3 true 1.5 >}}`, `{<x "a b" "c" 3 true 1.5}`},
		{"Named", `{{< x k="v w" n=2 raw=` + "`a\"b`" + ` >}}`, `{<x k="v w" n=2 raw="a\"b"}`},
		{"RawStringSpansLines", "{{< x `a\nb` >}}", `{<x "a\nb"}`},
		{"EscapedQuote", `{{< x "say \"hi\"" >}}`, `{<x "say \"hi\""}`},
		{"NoSpaces", `{{<x>}}`, `{<x}`},
		{"MultiLineTag", "{{< x\n  a=1\n  b=2 >}}", `{<x a=1 b=2}`},
		{"NameWithDir", `{{< docs/note >}}`, `{<docs/note}`},
		{"Escaped", `{{</* x "a" */>}} and {{%/* y */%}}`, `E"{{< x \"a\" >}}" T" and " E"{{% y %}}"`},
		{"InlineCode", "`{{< x >}}` {{< y >}}", "T\"`\" {<x} T\"` \" {<y}"},
		{"DoubleBacktickCode", "``a ` {{</* x */>}}`` b", "T\"``a ` \" C\"{{< x >}}\" T\"`` b\""},
		{"UnclosedBacktickIsLiteral", "` {{</* x */>}}", "T\"` \" E\"{{< x >}}\""},
		{"CodeSpanEndsAtBlankLine", "` a\n\n{{</* x */>}} `", "T\"` a\\n\\n\" E\"{{< x >}}\" T\" `\""},
		{"EscapedBacktick", "\\` {{</* x */>}} `", "T\"\\\\` \" E\"{{< x >}}\" T\" `\""},
		{"Fence", "```\n{{< x >}}\n```\n{{< y >}}", "T\"```\\n\" {<x} T\"\\n```\\n\" {<y}"},
		{"EscapedInFence", "```\n{{</* x */>}}\n```\n{{</* y */>}}", "T\"```\\n\" C\"{{< x >}}\" T\"\\n```\\n\" E\"{{< y >}}\""},
		{"TildeFence", "~~~go\n{{%/* x */%}}\n~~~\n", "T\"~~~go\\n\" C\"{{% x %}}\" T\"\\n~~~\\n\""},
		{"IndentedFenceInList", "1. a\n\n    ```\n    {{</* x */>}}\n    ```\n", "T\"1. a\\n\\n    ```\\n    \" C\"{{< x >}}\" T\"\\n    ```\\n\""},
		{"UnclosedFenceRunsToEnd", "```\n{{</* x */>}}\n", "T\"```\\n\" C\"{{< x >}}\" T\"\\n\""},
		{"LongerFenceNeedsLongerClose", "````\n```\n{{</* x */>}}\n````\n{{</* y */>}}", "T\"````\\n```\\n\" C\"{{< x >}}\" T\"\\n````\\n\" E\"{{< y >}}\""},
		{"FenceInfoWithBacktickIsNoFence", "``` a`\n{{</* x */>}}\n", "T\"``` a`\\n\" E\"{{< x >}}\" T\"\\n\""},
		{"EscapedInCode", "`{{</* x */>}}` z", "T\"`\" C\"{{< x >}}\" T\"` z\""},
		{"TagInFenceInfo", "```go {{< x >}}\n```\n", "T\"```go \" {<x} T\"\\n```\\n\""},
		{"HTMLComment", "<!-- {{< x >}} -->{{< y >}}", "T\"<!-- {{< x >}} -->\" {<y}"},
		{"HTMLCommentSpansLines", "a <!--\n{{< relref \"x#y\" >}}\n-->\n{{< y >}}", "T\"a <!--\\n{{< relref \\\"x#y\\\" >}}\\n-->\\n\" {<y}"},
		{"EscapedInHTMLComment", "<!-- {{</* x */>}} -->", "T\"<!-- \" C\"{{< x >}}\" T\" -->\""},
		{"EmptyHTMLComments", "<!-->{{< x >}}<!--->{{< y >}}", "T\"<!-->\" {<x} T\"<!--->\" {<y}"},
		{"UnterminatedHTMLCommentIsNoComment", "<!-- {{< x >}}", "T\"<!-- \" {<x}"},
		{"HTMLCommentInCodeIsCode", "`<!--` {{< x >}} `-->`", "T\"`<!--` \" {<x} T\" `-->`\""},
		{"BracesNotShortcode", "{{ x }} {< y >}", `T"{{ x }} {< y >}"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, errs := lex([]byte(tt.src))
			if len(errs) > 0 {
				t.Fatalf("lex(%q) errors: %+v", tt.src, errs)
			}
			if got := dumpItems(tt.src, items); got != tt.want {
				t.Errorf("lex(%q)\n got %s\nwant %s", tt.src, got, tt.want)
			}
		})
	}
}

func TestLexErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"Unterminated", "a {{< x b", `2 x shortcode is not terminated: no >}} follows`},
		{"UnterminatedBeforeNextTag", "{{< x b\n{{% y %}}", `0 x shortcode is not terminated: no >}} before the next {{%`},
		{"NoName", "{{< >}}", `0  shortcode name missing after {{<`},
		{"UnterminatedQuote", "{{< x \"a >}}\n", `0 x quoted parameter is not terminated before the end of the line`},
		{"UnterminatedRaw", "{{< x `a >}}", `0 x raw-string parameter is not terminated: no closing backtick`},
		{"NamedNoValue", "{{< x a= >}}", `0 x parameter a= has no value`},
		{"CloseWithParams", "{{< /x a >}}", `0 x a closing tag takes no parameters`},
		{"UnterminatedEscape", "{{</* x >}}", `0  escaped shortcode {{</* is not terminated: no */>}} follows`},
		{"UnterminatedInFence", "```\n{{< x\n", `4 x shortcode is not terminated: no >}} follows`},
		{"QuoteInBare", `{{< x a"b >}}`, `0 x quote inside an unquoted parameter`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := lex([]byte(tt.src))
			if len(errs) != 1 {
				t.Fatalf("lex(%q) = %d errors %+v, want 1", tt.src, len(errs), errs)
			}
			e := errs[0]
			if got := fmt.Sprintf("%d %s %s", e.off, e.name, e.msg); got != tt.want {
				t.Errorf("lex(%q) error\n got %s\nwant %s", tt.src, got, tt.want)
			}
		})
	}
}

func TestLexGoesOnAfterError(t *testing.T) {
	src := "{{< a \"x >}}\n{{< b >}} {{< >}} {{< c >}}"
	items, errs := lex([]byte(src))
	if len(errs) != 2 {
		t.Fatalf("errors = %+v, want 2", errs)
	}
	got := dumpItems(src, items)
	if !strings.Contains(got, "{<b}") || !strings.Contains(got, "{<c}") {
		t.Errorf("items after errors = %s, want b and c lexed", got)
	}
}

// TestUnclosedEscapes: escapes left open are each an error (in text) or
// text (in code), with "{{<" and "{{%" kept apart: one of them left open
// says nothing about the other.
func TestUnclosedEscapes(t *testing.T) {
	src := "{{%/* a\n{{</* b */>}}\n`{{%/* c` {{</* d\n{{%/* e"
	items, errs := lex([]byte(src))
	if len(errs) != 3 {
		t.Errorf("errors = %+v, want 3 (a, d, e)", errs)
	}
	for i, e := range errs {
		if !strings.Contains(e.msg, "not terminated") {
			t.Errorf("error %d: %q", i, e.msg)
		}
	}
	got := dumpItems(src, items)
	for _, want := range []string{`E"{{< b >}}"`, "`{{%/* c`"} {
		if !strings.Contains(got, want) {
			t.Errorf("items = %s, want %s", got, want)
		}
	}
}

func FuzzLex(f *testing.F) {
	for _, s := range []string{
		"a {{< x >}} b", "{{% y k=\"v\" %}}in{{% /y %}}", "{{</* e */>}}", "```\n{{< x >}}\n```",
		"`{{< x >}}`", "{{< x `raw\nval` />}}", "{{< a >}}{{< b >}}{{< /a >}}", "{{<", "{{< x \"", "{{< /x >}}",
		"<!-- {{< x >}} {{</* y */>}} -->", "<!--", "<!-->{{< x >}}",
	} {
		f.Add([]byte(s))
	}
	s, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		items, errs := lex(src)
		end := 0
		for _, it := range items {
			if it.start < end || it.end < it.start || it.end > len(src) {
				t.Fatalf("item %+v out of order or range (prev end %d, len %d)", it, end, len(src))
			}
			end = it.end
		}
		for _, e := range errs {
			if e.off < 0 || e.off > len(src) {
				t.Fatalf("error offset %d outside [0,%d]", e.off, len(src))
			}
		}
		exp, _ := s.Expand(Env{File: "f.md", Line: 1, Body: src})
		for l := 1; l < 4; l++ {
			exp.BodyPos(l, 1)
		}
	})
}
