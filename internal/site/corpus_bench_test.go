package site

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/corpus"
)

// corpusFS returns the generated benchmark site of n pages in memory.
func corpusFS(tb testing.TB, n int) (fstest.MapFS, config.Config) {
	tb.Helper()
	files := corpus.Files(corpus.Options{Pages: n, Seed: 1, Port: 8080})
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	cfg, _, err := config.Parse(files["config.toml"])
	if err != nil {
		tb.Fatal(err)
	}
	return fsys, cfg
}

// BenchmarkBuildCorpus1000 builds the generated 1,000-page corpus (the
// one make bench compares with Hugo) in memory.
func BenchmarkBuildCorpus1000(b *testing.B) {
	fsys, cfg := corpusFS(b, 1000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(context.Background(), fsys, cfg, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

var anchorHrefRE = regexp.MustCompile(`href="(/[^"#]*)#([^"]+)"`)

// TestCorpusBuildsClean builds the benchmark corpus: no warnings, and
// every link to another page's heading finds that id in the output, so
// the corpus exercises the link checker without failing it.
func TestCorpusBuildsClean(t *testing.T) {
	t.Parallel()
	fsys, cfg := corpusFS(t, 200)
	s, err := Build(context.Background(), fsys, cfg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range s.Warnings {
		t.Errorf("warning: %s", w)
	}
	byPath := map[string][]byte{}
	for _, f := range s.Files {
		byPath[f.Path] = f.Data
	}
	anchors := 0
	for _, f := range s.Files {
		for _, m := range anchorHrefRE.FindAllSubmatch(f.Data, -1) {
			target := strings.TrimPrefix(string(m[1]), "/") + "index.html"
			data, ok := byPath[target]
			if !ok {
				t.Errorf("%s links to %s#%s: no such page", f.Path, m[1], m[2])
				continue
			}
			if !bytes.Contains(data, []byte(` id="`+string(m[2])+`"`)) {
				t.Errorf("%s links to %s#%s: no such id there", f.Path, m[1], m[2])
			}
			anchors++
		}
	}
	if anchors < 100 {
		t.Errorf("only %d links to other pages' headings", anchors)
	}
}
