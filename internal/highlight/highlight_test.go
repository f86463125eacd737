package highlight

import (
	"bytes"
	"strings"
	"testing"
)

func TestCode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, lang, code string
		want, notWant    []string
	}{
		{
			name: "KnownLanguageGetsClasses",
			lang: "go", code: "package main\n\nfunc main() {}\n",
			want:    []string{`<pre class="chroma"><code class="language-go">`, `<span class="kn">package</span>`, `<span class="kd">func</span>`, "</code></pre>\n"},
			notWant: []string{"style="},
		},
		{
			name: "AliasAndCaseInsensitive",
			lang: "YAML", code: "key: value\n",
			want:    []string{`class="language-YAML"`, `<span class="nt">key</span>`},
			notWant: []string{"style="},
		},
		{
			name: "UnknownLanguageEscapes",
			lang: "no-such-lang", code: "<script>alert('x')</script>",
			want:    []string{`<code class="language-no-such-lang">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</code>`},
			notWant: []string{"<script>", "<span"},
		},
		{
			name: "EmptyLanguagePlain",
			lang: "", code: "a < b && c\n",
			want:    []string{"<pre class=\"chroma\"><code>a &lt; b &amp;&amp; c\n</code></pre>\n"},
			notWant: []string{"<span", "language-"},
		},
		{
			name: "KnownLanguageEscapesCode",
			lang: "html", code: "<script>x</script>",
			want:    []string{"&lt;", "script"},
			notWant: []string{"<script>"},
		},
		{
			name: "InvalidLanguageIsPlainWithEscapedClass",
			lang: `x"onclick=`, code: "1",
			want:    []string{"<pre class=\"chroma\"><code class=\"language-x&#34;onclick=\">1</code></pre>\n"},
			notWant: []string{`x"onclick`},
		},
		{
			name: "NonASCIILanguageKeptAsClass",
			lang: "föö", code: "1",
			want: []string{"<pre class=\"chroma\"><code class=\"language-föö\">1</code></pre>\n"},
		},
		{
			name: "OverlongLanguageIsPlainWithoutClass",
			lang: strings.Repeat("x", 100_000), code: "a < b",
			want:    []string{"<pre class=\"chroma\"><code>a &lt; b</code></pre>\n"},
			notWant: []string{"language-"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var b bytes.Buffer
			if err := Code(&b, tt.lang, tt.code); err != nil {
				t.Fatalf("Code(%q, %q) error: %v", tt.lang, tt.code, err)
			}
			got := b.String()
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("Code(%q, %q) = %q, want it to contain %q", tt.lang, tt.code, got, w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(got, w) {
					t.Errorf("Code(%q, %q) = %q, want no %q", tt.lang, tt.code, got, w)
				}
			}
		})
	}
}

func TestCodeKeepsText(t *testing.T) {
	t.Parallel()
	// Stripping tags and unescaping must give back the code exactly.
	code := "if a < b {\n\treturn \"x&y\"\n}\n"
	for _, lang := range []string{"go", "c", "bash", "", "zzz"} {
		var b bytes.Buffer
		if err := Code(&b, lang, code); err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSuffix(stripTags(b.String()), "\n"); got != code {
			t.Errorf("text of Code(%q, %q) = %q, want %q", lang, code, got, code)
		}
	}
}

func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	r := strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "&#34;", `"`, "&#39;", "'")
	return r.Replace(b.String())
}

func TestStylesheet(t *testing.T) {
	t.Parallel()
	t.Run("BothSchemes", func(t *testing.T) {
		t.Parallel()
		css, err := Stylesheet("github", "github-dark")
		if err != nil {
			t.Fatal(err)
		}
		s := string(css)
		for _, w := range []string{
			".chroma {",
			".chroma .k {",
			"@media (prefers-color-scheme: dark) {\n  :root:not([data-theme=light]) .bg",
			"  :root:not([data-theme=light]) .chroma .k {",
			"\n[data-theme=dark] .chroma .k {",
			"[data-theme=dark] .bg {",
		} {
			if !strings.Contains(s, w) {
				t.Errorf("Stylesheet(github, github-dark) lacks %q:\n%s", w, s)
			}
		}
		if strings.Contains(s, "/*") && strings.Count(s, "/*") != 2 {
			t.Errorf("Stylesheet has stray comments:\n%s", s)
		}
	})
	t.Run("Deterministic", func(t *testing.T) {
		t.Parallel()
		a, _ := Stylesheet("monokailight", "monokai")
		for range 5 {
			b, _ := Stylesheet("monokailight", "monokai")
			if !bytes.Equal(a, b) {
				t.Fatal("Stylesheet output differs between calls")
			}
		}
	})
	t.Run("UnknownStyleNamed", func(t *testing.T) {
		t.Parallel()
		for _, tc := range [][2]string{{"nope-light", "monokai"}, {"github", "nope-dark"}} {
			_, err := Stylesheet(tc[0], tc[1])
			if err == nil {
				t.Fatalf("Stylesheet(%q, %q) = nil error, want error", tc[0], tc[1])
			}
			if !strings.Contains(err.Error(), "nope-") {
				t.Errorf("Stylesheet(%q, %q) error %q does not name the style", tc[0], tc[1], err)
			}
		}
	})
	t.Run("EmptyDarkIsLightOnly", func(t *testing.T) {
		t.Parallel()
		css, err := Stylesheet("github", "")
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(css), "data-theme") {
			t.Errorf("Stylesheet(github, \"\") has dark rules")
		}
	})
}

func FuzzCode(f *testing.F) {
	f.Add("go", "package main\nfunc main() { println(\"x\") }\n")
	f.Add("", "<b>")
	f.Add("yaml", "a: [1, 2\n")
	f.Add("bash", "echo $((1+\n")
	f.Add(strings.Repeat("x", 20_000), "x")
	f.Add("c++", "int main() {}\n")
	f.Fuzz(func(t *testing.T, lang, code string) {
		var b bytes.Buffer
		if err := Code(&b, lang, code); err != nil {
			t.Fatal(err)
		}
	})
}

func BenchmarkCode(b *testing.B) {
	code := strings.Repeat("func f(a, b int) int {\n\treturn a + b // add\n}\n", 20)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		_ = Code(&buf, "go", code)
	}
}

// TestStylesheetDarkCoversLightClasses checks that every property the
// light style sets on a token class is set again under each dark scope,
// so no light colour leaks into dark mode (github colours ".nx" and ".ge"
// dark grey; github-dark leaves them at its base colour).
func TestStylesheetDarkCoversLightClasses(t *testing.T) {
	t.Parallel()
	css, err := Stylesheet("github", "github-dark")
	if err != nil {
		t.Fatal(err)
	}
	light, dark, _ := strings.Cut(string(css), "(dark)")
	set := map[string]map[string]bool{} // scoped selector → properties
	for line := range strings.Lines(dark) {
		sel, decl, ok := strings.Cut(line, "{")
		if !ok {
			continue
		}
		for _, s := range strings.Split(sel, ",") {
			s = strings.TrimSpace(s)
			if set[s] == nil {
				set[s] = map[string]bool{}
			}
			for p := range properties(decl) {
				set[s][p] = true
			}
		}
	}
	checked := 0
	for line := range strings.Lines(light) {
		sel, decl, ok := strings.Cut(line, "{")
		sel = strings.TrimSpace(sel)
		if !ok || !strings.HasPrefix(sel, ".chroma .") {
			continue
		}
		for p := range properties(decl) {
			if _, ok := resetValues[p]; !ok {
				continue
			}
			checked++
			for _, scope := range []string{darkAutoScope, darkScope} {
				if !set[scope+" "+sel][p] {
					t.Errorf("%s %s sets no %s, so the light style's shows in dark mode", scope, sel, p)
				}
			}
		}
	}
	if checked < 20 {
		t.Errorf("checked only %d light declarations; is the stylesheet's format different?", checked)
	}
}
