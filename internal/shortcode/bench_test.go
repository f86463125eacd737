package shortcode

import (
	"strings"
	"testing"
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
