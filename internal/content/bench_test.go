package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/quire-docs/quire/internal/corpus"
)

// corpusFiles returns the benchmark corpus of n pages as a MapFS.
func corpusFiles(n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range corpus.Files(corpus.Options{Pages: n, Seed: 1, Port: 8080}) {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	return fsys
}

// BenchmarkParsePage is the front matter stage for one page: split,
// decode the YAML and read the fields.
func BenchmarkParsePage(b *testing.B) {
	fsys := corpusFiles(20)
	var name string
	for n := range fsys {
		if strings.HasSuffix(n, ".md") && !strings.HasSuffix(n, "_index.md") && (name == "" || n < name) {
			name = n
		}
	}
	src := fsys[name].Data
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := ParsePage(name, src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad1000 reads the 1,000-page corpus: front matter of every
// page, sections, drafts, URLs and order.
func BenchmarkLoad1000(b *testing.B) {
	fsys := corpusFiles(1000)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Load(fsys, Options{Dir: "content"}); err != nil {
			b.Fatal(err)
		}
	}
}
