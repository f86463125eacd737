package site

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/quire-docs/quire/internal/config"
)

// genSite returns a site of n pages in 10 sections, each page with front
// matter, h2-h4 headings, a list, a table, a code fence and links.
func genSite(n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	for s := 0; s < 10; s++ {
		fsys[fmt.Sprintf("content/s%d/_index.md", s)] = &fstest.MapFile{
			Data: []byte(fmt.Sprintf("---\ntitle: Section %d\nweight: %d\n---\nSection intro.\n", s, s+1)),
		}
	}
	for i := 0; i < n; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: Page %d\nweight: %d\ndescription: About page %d.\n---\n\n", i, i%37, i)
		for h := 0; h < 8; h++ {
			fmt.Fprintf(&b, "%s Heading %d of page %d\n\n", strings.Repeat("#", 2+h%3), h, i)
			b.WriteString("Some *text* with a [link](/s1/page-1/#heading-1-of-page-1) and `code`. ")
			b.WriteString("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\n\n")
			if h%3 == 0 {
				b.WriteString("- one\n- two\n- three\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n")
			}
			if h%4 == 1 {
				b.WriteString("```go\nfunc main() {\n\tfmt.Println(\"hello\")\n}\n```\n\n")
			}
		}
		fsys[fmt.Sprintf("content/s%d/page-%d.md", i%10, i)] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return fsys
}

// BenchmarkBuild1000 builds a generated 1,000-page site in memory.
func BenchmarkBuild1000(b *testing.B) {
	fsys := genSite(1000)
	cfg, _, err := config.Parse(nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(context.Background(), fsys, cfg, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
