package shortcode

import (
	"fmt"
	"html/template"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/markdown"
)

// testSet returns a Set with the given templates (name → text) and a
// markdownify that wraps its input, to see where it was used.
func testSet(t *testing.T, tmpls map[string]string) *Set {
	t.Helper()
	fsys := fstest.MapFS{}
	for n, text := range tmpls {
		fsys[n+".html"] = &fstest.MapFile{Data: []byte(text)}
	}
	s, err := New(Options{Dir: fsys, DirName: "layouts/shortcodes",
		Markdownify: func(s string) (template.HTML, error) { return template.HTML("<p>md(" + s + ")</p>"), nil }})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return s
}

// expand expands body and returns the markdown with placeholders shown
// as [[html]], and the diagnostics as lines.
func expand(t *testing.T, s *Set, env Env) (string, []string) {
	t.Helper()
	if env.File == "" {
		env.File = "content/a.md"
	}
	if env.Line == 0 {
		env.Line = 1
	}
	exp, ds := s.Expand(env)
	out := string(exp.Markdown)
	for i, h := range exp.HTML {
		out = strings.Replace(out, markdown.Placeholder(i), "[["+string(h)+"]]", 1)
	}
	return out, lines(ds)
}

func lines(ds []*diag.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Error())
	}
	return out
}

var callTemplates = map[string]string{
	"get":    `{{ .Get 0 }}|{{ .Get 1 }}|{{ .Get "k" }}|{{ .IsNamedParams }}|{{ .Params }}`,
	"inner":  `<b>{{ .Inner }}</b>`,
	"md":     `**{{ .Inner }}**`,
	"pos":    `{{ .Name }}@{{ .Position }}#{{ .Ordinal }}`,
	"parent": `{{ with .Parent }}in {{ .Name }}{{ else }}top{{ end }}`,
	"box":    `<div>{{ .Inner }}</div>`,
	"page":   `{{ .Page.Title }}/{{ .Site.Title }}`,
	"mdify":  `{{ .Inner | markdownify }}`,
	"fail":   `{{ .Get 0 | len }}{{ index .Params 5 }}`,
}

func TestExpand(t *testing.T) {
	s := testSet(t, callTemplates)
	tests := []struct{ name, body, want string }{
		{"HTMLFormIsPlaceholder", "a {{< get x y >}} b", "a [[x|y||false|[x y]]] b"},
		{"NamedParams", `{{< get k="v w" n=2 >}}`, "[[||v w|true|map[k:v w n:2]]]"},
		{"MarkdownFormIsSpliced", "{{% md %}}x{{% /md %}}", "**x**"},
		{"PairedHTMLInner", "{{< inner >}}*x*{{< /inner >}}", "[[<b>*x*</b>]]"},
		{"SelfClosingTakesNoInner", "{{< get a />}}", "[[a|||false|[a]]]"},
		{"Position", "x\n  {{< pos >}} {{< pos >}}", "x\n  [[pos@content/a.md:2:3#0]] [[pos@content/a.md:2:15#1]]"},
		{"NestedDirectInHTMLParent", "{{< box >}}{{< parent >}}{{< /box >}}", "[[<div>in box</div>]]"},
		{"NestedPlaceholderInMarkdownParent", "{{% md %}}{{< parent >}}{{% /md %}}", "**[[in md]]**"},
		{"Top", "{{< parent >}}", "[[top]]"},
		{"Escaped", "{{</* get \"a\" */>}}", "[[{{&lt; get &#34;a&#34; &gt;}}]]"},
		{"EscapedInCode", "`{{</* get */>}}`\n```\n{{%/* get */%}}\n```\n", "`{{< get >}}`\n```\n{{% get %}}\n```\n"},
		{"EscapedInsideInner", "{{< inner >}}{{%/* x */%}}{{< /inner >}}", "[[<b>{{% x %}}</b>]]"},
		{"InCode", "`{{< get a >}}`\n```\n{{% get b %}}\n```\n", "`[[a|||false|[a]]]`\n```\nb|||false|[b]\n```\n"},
		{"NotInHTMLComment", "<!-- {{< get >}} {{</* get */>}} -->{{< parent >}}", "<!-- {{< get >}} {{< get >}} -->[[top]]"},
		{"PageAndSite", "{{< page >}}", "[[P/S]]"},
		{"Markdownify", "{{< mdify >}}*a*{{< /mdify >}}", "[[md(*a*)]]"},
		{"NestedSameName", "{{< box >}}1{{< box >}}2{{< /box >}}3{{< /box >}}", "[[<div>1<div>2</div>3</div>]]"},
	}
	type named struct{ Title string }
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := expand(t, s, Env{Body: []byte(tt.body), Page: named{"P"}, Site: named{"S"}})
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			if got != tt.want {
				t.Errorf("Expand(%q)\n got %q\nwant %q", tt.body, got, tt.want)
			}
		})
	}
}

func TestExpandErrors(t *testing.T) {
	s := testSet(t, callTemplates)
	body := strings.Join([]string{
		"{{< nope >}}",                // 1
		"{{< inerr >}}",               // 2: close to "inner"
		"{{% md %}} never closed",     // 3
		"{{< get >}}x{{< /get >}}",    // 4
		`{{< get a k=v >}}`,           // 5
		"{{< fail >}}",                // 6
		"{{< /box >}}",                // 7
		"fine {{< get \"unterminated", // 8
	}, "\n")
	_, errs := expand(t, s, Env{Body: []byte(body), Line: 4})
	want := []string{
		`content/a.md:4:1: shortcode "nope": unknown shortcode (hint: add its template as layouts/shortcodes/nope.html)`,
		`content/a.md:5:1: shortcode "inerr": unknown shortcode (hint: did you mean "inner"? Shortcodes are layouts/shortcodes/NAME.html or a built-in)`,
		`content/a.md:6:1: shortcode "md": {{% md %}} is not closed: no {{% /md %}} follows (hint: its template uses .Inner: close it with {{% /md %}}, or write it self-closing as {{% md /%}})`,
		`content/a.md:7:1: shortcode "get": {{< get >}} takes no inner content, but {{< /get >}} closes it (hint: remove the closing tag, or use .Inner in layouts/shortcodes/get.html)`,
		`content/a.md:8:1: shortcode "get": mixes positional and named parameters (hint: give every parameter a name, or none)`,
		`content/a.md:9:1: shortcode "fail": layouts/shortcodes/fail.html:1: executing "layouts/shortcodes/fail.html" at <index .Params 5>: error calling index: index out of range: 5`,
		`content/a.md:10:1: shortcode "box": closing tag {{< /box >}} has no opening tag (hint: remove it, or open the shortcode with {{< box >}})`,
		`content/a.md:11:6: shortcode "get": quoted parameter is not terminated`,
	}
	if strings.Join(errs, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors\n got:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
	}
}

// TestExpandNestingBounded: pairs nested past maxNesting are one error
// at the first one too deep, not minutes of copying or a stack overflow.
func TestExpandNestingBounded(t *testing.T) {
	s := testSet(t, callTemplates)
	const n = 50000
	body := strings.Repeat("{{< box >}}", n) + strings.Repeat("{{< /box >}}", n)
	_, errs := expand(t, s, Env{Body: []byte(body)})
	col := maxNesting*len("{{< box >}}") + 1
	want := fmt.Sprintf(`content/a.md:1:%d: shortcode "box": shortcodes nested more than %d deep (hint: close the pairs around it sooner)`, col, maxNesting)
	if strings.Join(errs, "\n") != want {
		t.Errorf("errors\n got:\n%s\nwant:\n%s", strings.Join(errs, "\n"), want)
	}
	ok := strings.Repeat("{{< box >}}", maxNesting) + "x" + strings.Repeat("{{< /box >}}", maxNesting)
	got, errs := expand(t, s, Env{Body: []byte(ok)})
	if len(errs) > 0 || strings.Count(got, "<div>") != maxNesting {
		t.Errorf("%d nested pairs: errors %v, %d divs, want none and %d", maxNesting, errs, strings.Count(got, "<div>"), maxNesting)
	}
}

func TestBodyPos(t *testing.T) {
	s := testSet(t, callTemplates)
	body := "ab {{% md %}}x\ny{{% /md %}} cd\nef [l](u)\n"
	exp, errs := s.Expand(Env{File: "a.md", Line: 1, Body: []byte(body)})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	// Markdown: "ab **x\ny** cd\nef [l](u)\n"
	for _, tt := range []struct{ line, col, wl, wc int }{
		{1, 1, 1, 1},  // "a"
		{1, 4, 1, 4},  // inside the output: the shortcode's start
		{2, 2, 1, 4},  // still the output
		{2, 5, 2, 14}, // "cd" after the shortcode
		{3, 4, 3, 4},  // "[" on the next line
		{0, 0, 0, 0},  // unknown (the zero markdown.Pos) stays unknown
	} {
		if l, c := exp.BodyPos(tt.line, tt.col); l != tt.wl || c != tt.wc {
			t.Errorf("BodyPos(%d, %d) = %d:%d, want %d:%d (markdown %q)", tt.line, tt.col, l, c, tt.wl, tt.wc, exp.Markdown)
		}
	}
}

func TestTemplateSyntaxError(t *testing.T) {
	_, err := New(Options{Dir: fstest.MapFS{"bad.html": {Data: []byte("ok\n{{ if }}")}}, DirName: "layouts/shortcodes"})
	if err == nil || !strings.Contains(err.Error(), "layouts/shortcodes/bad.html:2: ") {
		t.Errorf("New with a broken template: err = %v, want layouts/shortcodes/bad.html:2: ...", err)
	}
}

func TestHas(t *testing.T) {
	for body, want := range map[string]bool{"a {{< x >}}": true, "{{% y %}}": true, "{{ x }} {< >}": false, "": false} {
		if got := Has([]byte(body)); got != want {
			t.Errorf("Has(%q) = %v, want %v", body, got, want)
		}
	}
}

func TestExpandRecoversPanics(t *testing.T) {
	s := testSet(t, nil)
	body := []byte("a {{< param \"x\" >}} b")
	exp, ds := s.Expand(Env{File: "content/a.md", Line: 3, Body: body, Param: func(string) (any, bool) { panic("boom") }})
	if len(ds) != 1 || !strings.Contains(ds[0].Error(), "content/a.md:3: shortcode: internal error expanding the page: boom") {
		t.Errorf("diagnostics = %v, want one internal error at the page", lines(ds))
	}
	if string(exp.Markdown) != string(body) {
		t.Errorf("Markdown = %q, want the body as written", exp.Markdown)
	}
}
