package outline

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/quire-docs/quire/internal/htmlscan"
)

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want Outline
	}{
		{
			name: "LeadAndHeadings",
			in: `<p>Intro <em>text</em>.</p>
<h2 id="setup">Set &amp; go<a class="anchor" href="#setup" aria-label="Link">#</a></h2>
<p>One</p><p>two</p>
<h3 id="deep">Deep</h3>
<ul><li>a</li><li>b</li></ul>`,
			want: Outline{
				Sections: []Section{
					{Text: "Intro text."},
					{Level: 2, ID: "setup", Title: "Set & go", Text: "One two"},
					{Level: 3, ID: "deep", Title: "Deep", Text: "a b"},
				},
				Summary: "Intro text.",
			},
		},
		{
			name: "NoLead",
			in:   "<hr>\n<h4 id=\"q\">Why?</h4>\n<p>Because\nit is.</p>",
			want: Outline{
				Sections: []Section{{}, {Level: 4, ID: "q", Title: "Why?", Text: "Because it is."}},
				Summary:  "Because it is.",
			},
		},
		{
			name: "SkipsScriptsAndBackrefs",
			in:   `<p>x<sup><a href="#fn:1" class="footnote-ref">1</a></sup></p><script>var a = "<p>";</script><style>p{}</style><div class="footnotes"><ol><li><p>note <a href="#fnref:1" class="footnote-backref">↩︎</a></p></li></ol></div>`,
			want: Outline{
				Sections: []Section{{Text: "x1 note"}},
				Summary:  "x1",
			},
		},
		{
			name: "SummarySkipsAdmonitionTitle",
			in:   `<blockquote class="admonition admonition-note"><p class="admonition-title"><span class="admonition-icon" aria-hidden="true"><svg><path d="M0 0"/></svg></span> <strong>Note</strong></p><p>Body.</p></blockquote><p>Then.</p>`,
			want: Outline{
				Sections: []Section{{Text: "Note Body. Then."}},
				Summary:  "Body.",
			},
		},
		{
			name: "CodeKeepsText",
			in:   `<pre class="chroma"><code><span class="k">func</span> main()</code></pre>`,
			want: Outline{Sections: []Section{{Text: "func main()", Code: []Span{{0, 11}}}}},
		},
		{
			name: "CodeSpansMarkCodeAndTables",
			in:   `<p>Run it:</p><pre><code>go build</code></pre><p>Then</p><table><tr><td>a</td><td>b</td></tr></table><h2 id="n">Next</h2><table><tr><td>c</td></tr></table> end`,
			want: Outline{Sections: []Section{
				{Text: "Run it: go build Then a b", Code: []Span{{8, 16}, {22, 25}}},
				{Level: 2, ID: "n", Title: "Next", Text: "c end", Code: []Span{{0, 1}}},
			}, Summary: "Run it:"},
		},
		{
			name: "MarksInTheInputAreDropped",
			in:   "<p>a\ue000b\ue001c</p>",
			want: Outline{Sections: []Section{{Text: "abc"}}, Summary: "a\ue000b\ue001c"},
		},
		{
			name: "UnclosedHeading",
			in:   `<h2 id="a">Half`,
			want: Outline{Sections: []Section{{}, {Level: 2, ID: "a", Title: "Half"}}},
		},
		{
			name: "Empty",
			in:   ``,
			want: Outline{Sections: []Section{{}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := Parse([]byte(tt.in))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse(%q)\n got %#v\nwant %#v", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(`<h2 id="a">A<a class="anchor">#</a></h2><p>b</p>`))
	f.Add([]byte(`<script><h1>`))
	f.Add([]byte(`<a class="anchor"><br/><img></a>text`))
	f.Add([]byte(`<h4 id="q">What&#39;s new?</h4><p>See <a href="/x/?a=1&amp;b">x</a>.</p><pre class="chroma"><code><span class="kd">func</span></code></pre>`))
	f.Add([]byte("<h2 id=a>A\r\nB</h2><svg><title>icon</title></svg><p>c &lt; d</p>"))
	f.Add([]byte("<p>a</p><table><tr><td><pre>x</pre></td></tr></table> <pre> </pre><h3>t<pre>p</pre></h3><pre>open \ue000"))
	f.Fuzz(func(t *testing.T, in []byte) {
		o := Parse(in)
		if len(o.Sections) == 0 {
			t.Fatal("no sections")
		}
		// Whether htmlscan read it or left it, x/net/html alone agrees.
		p := newParser()
		htmlscan.Tokenize(in, p)
		p.flush()
		if want := (Outline{Sections: p.sections, Summary: p.summary}); !reflect.DeepEqual(o, want) {
			t.Fatalf("%q:\nParse    %+v\nx/net    %+v", in, o, want)
		}
		for _, s := range o.Sections[1:] {
			if s.Level < 1 || s.Level > 6 {
				t.Fatalf("section level %d", s.Level)
			}
		}
		for _, s := range o.Sections {
			if s.Text != collapse(s.Text) || strings.ContainsAny(s.Text, codeStart+codeEnd) {
				t.Fatalf("%q: text %q is not collapsed, or holds a code mark", in, s.Text)
			}
			end := 0
			for _, c := range s.Code {
				if c.Start < end || c.Start >= c.End || c.End > len(s.Text) {
					t.Fatalf("%q: code spans %v out of order or of text %q", in, s.Code, s.Text)
				}
				end = c.End
			}
		}
	})
}

// TestNoMarkFromInvalidUTF8: bytes of invalid UTF-8 never become a code
// mark, whether taking a mark out joins them or two pieces of text do;
// they become U+FFFD, as in the index's JSON.
func TestNoMarkFromInvalidUTF8(t *testing.T) {
	t.Parallel()
	for _, pieces := range [][]string{
		{"\xee\xee" + codeStart + "\x80\x80\x80\x80"},
		{"a \xee" + codeStart + "\x80\x80"},
		{"b \xee", "\x80\x80"},
	} {
		p := newParser()
		for _, piece := range pieces {
			p.Text([]byte(piece))
		}
		p.flush()
		for _, sec := range p.sections {
			if strings.ContainsAny(sec.Text, codeStart+codeEnd) || !utf8.ValidString(sec.Text) || len(sec.Code) != 0 {
				t.Errorf("%q: text %q (code %v) holds a code mark or invalid UTF-8", pieces, sec.Text, sec.Code)
			}
		}
	}
}
