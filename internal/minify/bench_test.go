package minify

import (
	"fmt"
	"strings"
	"testing"
)

// benchPage is a ~13 KB page as the default theme renders one: head,
// navigation, a TOC and content with highlighted code.
var benchPage = func() string {
	var b strings.Builder
	b.WriteString("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Page – Docs</title>\n" +
		"<link rel=\"stylesheet\" href=\"/css/site.0123456789.css\" integrity=\"sha256-x\" crossorigin=\"anonymous\">\n</head>\n<body>\n" +
		"<nav class=\"sidebar\">\n<ul>\n")
	for i := range 40 {
		fmt.Fprintf(&b, "<li><a href=\"/section-%d/\" class=\"nav-section\">Section %d</a></li>\n", i, i)
	}
	b.WriteString("</ul>\n</nav>\n<main>\n<article class=\"page\">\n")
	for i := range 12 {
		fmt.Fprintf(&b, "<h2 id=\"heading-%d\">Heading %d<a class=\"anchor\" href=\"#heading-%d\" aria-label=\"Link to this section: Heading %d\">#</a></h2>\n", i, i, i, i)
		b.WriteString("<p>The cluster agent runs on every node and reports its status to the server, <a href=\"/guides/install/#setup\">see setup</a>.\n   It is applied after the next restart.</p>\n")
		b.WriteString("<pre class=\"chroma\"><code class=\"language-go\"><span class=\"kd\">func</span> <span class=\"nx\">main</span><span class=\"p\">()</span> <span class=\"p\">{</span>\n\t<span class=\"nx\">fmt</span><span class=\"p\">.</span><span class=\"nf\">Println</span><span class=\"p\">(</span><span class=\"s\">&#34;hello&#34;</span><span class=\"p\">)</span>\n<span class=\"p\">}</span>\n</code></pre>\n")
		b.WriteString("<table>\n<thead>\n<tr>\n<th>Option</th>\n<th>Default</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><code>timeout</code></td>\n<td>30</td>\n</tr>\n</tbody>\n</table>\n")
	}
	b.WriteString("</article>\n</main>\n</body>\n</html>\n")
	return b.String()
}()

// BenchmarkHTML is the minify stage for one page.
func BenchmarkHTML(b *testing.B) {
	m := New()
	src := []byte(benchPage)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := m.File("a/index.html", src); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBenchPageMinifies(t *testing.T) {
	t.Parallel()
	out, err := New().File("a/index.html", []byte(benchPage))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(benchPage); n < 10000 || n > 30000 {
		t.Errorf("len(benchPage) = %d, want 10 to 30 KB", n)
	}
	if len(out) >= len(benchPage) {
		t.Errorf("minified %d bytes to %d", len(benchPage), len(out))
	}
}
