package markdown

import (
	"strings"
	"testing"
)

// benchPage is a ~4 KB documentation page: headings, links, lists and
// three code fences.
var benchPage = func() string {
	var b strings.Builder
	b.WriteString("# Configuring quire\n\nquire reads `config.toml` at the [site root](/docs/layout/). See the [reference][ref] and <https://example.com/quire>.\n\n")
	for i := range 7 {
		b.WriteString("## Section with *emphasis* and a [link](/docs/page/#anchor)\n\n")
		b.WriteString("Some paragraph text that explains what is going on, with \"quotes\", it's apostrophes and a footnote-free body. ")
		b.WriteString("More words so the paragraph has a realistic length for documentation pages [see this](https://example.org/a/b?c=d).\n\n")
		b.WriteString("- item one with [a link](../other.md)\n- item two with `code`\n- item three\n\n")
		if i < 3 {
			b.WriteString("```go\npackage main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor i := 0; i < 10; i++ {\n\t\tfmt.Println(\"hello\", i)\n\t}\n}\n```\n\n")
		}
		b.WriteString("### Details\n\n| key | value |\n|-----|-------|\n| a | 1 |\n| b | 2 |\n\n")
	}
	b.WriteString("[ref]: /docs/reference/\n")
	return b.String()
}()

func BenchmarkRender(b *testing.B) {
	r := New(Options{})
	src := []byte(benchPage)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Render(src); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBenchPageRealistic(t *testing.T) {
	t.Parallel()
	if n := len(benchPage); n < 3500 || n > 5000 {
		t.Errorf("len(benchPage) = %d, want about 4 KB", n)
	}
	if n := strings.Count(benchPage, "```go"); n != 3 {
		t.Errorf("benchPage has %d code fences, want 3", n)
	}
}

// BenchmarkCheckNesting is the nesting pre-scan alone on benchPage, to
// compare with BenchmarkRender, which includes it.
func BenchmarkCheckNesting(b *testing.B) {
	src := []byte(benchPage)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if err := checkNesting(src, DefaultMaxNesting); err != nil {
			b.Fatal(err)
		}
	}
}
