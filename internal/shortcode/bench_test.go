package shortcode

import (
	"strings"
	"testing"
	"time"
)

// BenchmarkHas is the whole cost a page without shortcodes pays.
func BenchmarkHas(b *testing.B) {
	body := []byte(strings.Repeat("Some *markdown* with `code` and {braces} and a [link](x.md).\n\n", 200))
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if Has(body) {
			b.Fatal("Has on a body without shortcodes")
		}
	}
}

// BenchmarkExpand expands a page with a shortcode in every paragraph.
func BenchmarkExpand(b *testing.B) {
	s, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	body := []byte(strings.Repeat("Text {{< param \"x\" >}} and `{{< code >}}` then {{< youtube w7Ft2ymGmfc >}}.\n\n", 200))
	env := Env{File: "a.md", Line: 1, Body: body, Param: func(string) (any, bool) { return "v", true }}
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, ds := s.Expand(env); len(ds) > 0 {
			b.Fatal(ds[0])
		}
	}
}

// BenchmarkLexUnterminated lexes pages made of tags that are never closed
// (escaped ones in text and in code, and plain ones) and HTML comments
// that are never closed, at two sizes, and
// reports how much longer the larger takes: about 2 when lexing stays
// linear in the page's size, about 4 when every tag scans the rest of the
// page.
func BenchmarkLexUnterminated(b *testing.B) {
	for _, unit := range []string{"a {{</* b ", "`{{%/* b` ", "{{< name ", "<!-- {{< b >}} "} {
		b.Run(strings.TrimSpace(unit[:5]), func(b *testing.B) {
			small := []byte(strings.Repeat(unit, 2000))
			large := []byte(strings.Repeat(unit, 4000))
			var ts, tl time.Duration
			for b.Loop() {
				t0 := time.Now()
				lex(small)
				t1 := time.Now()
				lex(large)
				ts += t1.Sub(t0)
				tl += time.Since(t1)
			}
			b.ReportMetric(float64(tl)/float64(ts), "large/small")
		})
	}
}
