package layout

import (
	"strings"
	"testing"
)

// TestHighlightFunc: Hugo's highlight CODE LANG [OPTIONS], options as a
// string or a map, renders as fenced code does.
func TestHighlightFunc(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		code string
		lang string
		opts []any
		want []string // substrings of the HTML, or of the error
		err  bool
	}{
		{"PlainCall", "x := 1", "go", nil, []string{`<pre class="chroma"><code class="language-go"><span class="nx">x</span>`}, false},
		{"UnknownLanguageIsPlain", "a < b", "nolang", nil, []string{`class="language-nolang">a &lt; b`}, false},
		{"StringOptions", "a\nb\nc\n", "text", []any{"linenos=table,hl_lines=2"}, []string{`class="hl"`, `class="lntable"`}, false},
		{"MapOptions", "a\nb\nc\n", "text", []any{map[string]any{"linenos": true, "hl_lines": []any{11, "12-12"}, "linenostart": 10}}, []string{`class="line hl"><span class="ln">11<`, `>10<`}, false},
		{"UnknownOption", "a", "text", []any{"color=red"}, []string{`highlight: unknown highlight option "color"`}, true},
		{"TooManyArguments", "a", "text", []any{"", ""}, []string{"want CODE LANG [OPTIONS]"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := highlightFunc(tt.code, tt.lang, tt.opts...)
			s := string(got)
			if tt.err {
				if err == nil {
					t.Fatalf("highlight(%q, %q, %v) = %q, want an error", tt.code, tt.lang, tt.opts, got)
				}
				s = err.Error()
			} else if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(s, w) {
					t.Errorf("highlight(%q, %q, %v) = %q, want it to contain %q", tt.code, tt.lang, tt.opts, s, w)
				}
			}
		})
	}
}
