package markdown

import (
	"strings"
	"testing"
)

// DefaultMath is the math quire finds when a site says nothing (config
// has the same default): $$ … $$
// blocks and \( … \) inline, the forms KaTeX and MathJax document. \[ … \]
// is not among them, as Markdown writers use \[ for a literal bracket.
func DefaultMath() Math {
	return Math{
		Block:  []Delimiters{{"$$", "$$"}},
		Inline: []Delimiters{{`\(`, `\)`}},
	}
}

func TestMath(t *testing.T) {
	def := DefaultMath()
	brackets := Math{Block: []Delimiters{{`\[`, `\]`}, {"$$", "$$"}}, Inline: []Delimiters{{`\(`, `\)`}, {"$", "$"}}}
	tests := []struct {
		name string
		math *Math
		src  string
		want []string // substrings of the HTML, in order
		not  []string
	}{
		{name: "inline TeX keeps its markdown characters", math: &def,
			src:  `Euler: \(e^{i\pi} + 1 = 0\) and \(a_1 * b_2 * c\).`,
			want: []string{`<span class="math math-inline">\(e^{i\pi} + 1 = 0\)</span>`, `<span class="math math-inline">\(a_1 * b_2 * c\)</span>`},
			not:  []string{"<em>"}},
		{name: "a $$ block is displayed", math: &def,
			src:  "Before.\n\n$$\n\\int_0^1 x^2 \\, dx < \\frac{1}{2}\n$$\n\nAfter.",
			want: []string{`<div class="math math-display">\[\int_0^1 x^2 \, dx &lt; \frac{1}{2}\]</div>`, "<p>After.</p>"}},
		{name: "HTML in TeX is escaped", math: &def,
			src:  `\(<script>alert(1)</script>\)`,
			want: []string{`\(&lt;script&gt;alert(1)&lt;/script&gt;\)`},
			not:  []string{"<script>"}},
		{name: "a literal bracket is not math by default", math: &def,
			src:  `[#1: \[release-3.7\] bump](https://example.com/1)`,
			want: []string{`<a href="https://example.com/1">#1: [release-3.7] bump</a>`},
			not:  []string{"math"}},
		{name: "configured delimiters are written as the standard ones", math: &brackets,
			src:  "\\[x^2\\]\n\nprice $5$ ok",
			want: []string{`<div class="math math-display">\[x^2\]</div>`, `<span class="math math-inline">\(5\)</span>`}},
		{name: "a math fence is displayed math", math: &def,
			src:  "```math\na < b\n```",
			want: []string{`<div class="math math-display">\[a &lt; b\]</div>`},
			not:  []string{"<pre"}},
		{name: "without math nothing is parsed", math: nil,
			src:  "`x` \\(a_1 b_1\\)\n\n```math\na\n```",
			want: []string{"(a_1 b_1)", `<pre`},
			not:  []string{"math-inline", "math-display"}},
		{name: "code spans keep their TeX as code", math: &def,
			src:  "`\\(x\\)`",
			want: []string{`<code>\(x\)</code>`},
			not:  []string{"math-inline"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := New(Options{Math: tt.math}).Render([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			got := string(res.HTML)
			rest := got
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("HTML lacks %q (in order):\n%s", w, got)
				}
				rest = rest[i+len(w):]
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("HTML has %q:\n%s", n, got)
				}
			}
		})
	}
}

func TestMermaidFence(t *testing.T) {
	src := "```mermaid\ngraph TD\n  A-->B & C\n```\n"
	on, err := New(Options{Mermaid: true}).Render([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if want := "<pre class=\"mermaid\">graph TD\n  A--&gt;B &amp; C\n</pre>"; !strings.Contains(string(on.HTML), want) {
		t.Errorf("with Mermaid: want %q in\n%s", want, on.HTML)
	}
	off, err := New(Options{}).Render([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(off.HTML), `class="mermaid"`) {
		t.Errorf("without Mermaid the fence is code, got\n%s", off.HTML)
	}
}
