package site

import (
	"bytes"
	"context"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/corpus"
	"github.com/quire-docs/quire/internal/publish"
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

// discard is an Output that drops pages, as if written to disk instantly.
type discard struct{}

func (discard) Write(publish.File) error { return nil }

// BenchmarkLinkCheckOverhead builds the corpus (QUIRE_BENCH_PAGES pages,
// default 1,000) with pages streamed to an Output, as quire build does,
// with the internal link and anchor check and without, taking turns, and
// reports the median extra time the check adds as a percentage, in wall
// time and in CPU time (user and system, of the whole process: the build
// is all it does), which a machine shared with other jobs disturbs less.
// make bench runs it at 10,000 pages.
func BenchmarkLinkCheckOverhead(b *testing.B) {
	n := 1000
	if s := os.Getenv("QUIRE_BENCH_PAGES"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatal(err)
		}
	}
	fsys, cfg := corpusFS(b, n)
	build := func(mode LinkMode) (wall, cpu time.Duration) {
		start, cpu0 := time.Now(), processCPU(b)
		if _, err := Build(context.Background(), fsys, cfg, Options{Links: mode, Output: discard{}}); err != nil {
			b.Fatal(err)
		}
		return time.Since(start), processCPU(b) - cpu0
	}
	// A first build, not counted, warms the process up; then the two
	// kinds take turns, each first in every other round, since a build
	// in a fresh process runs faster than one after others.
	build(LinksByConfig)
	var with, without, withCPU, withoutCPU []time.Duration
	for b.Loop() {
		for _, mode := range order(len(with)) {
			wall, cpu := build(mode)
			if mode == LinksOff {
				without, withoutCPU = append(without, wall), append(withoutCPU, cpu)
			} else {
				with, withCPU = append(with, wall), append(withCPU, cpu)
			}
		}
		n := len(with) - 1
		b.Logf("round %d: without %.1fs (%.1f CPU-s), with %.1fs (%.1f CPU-s)", n+1,
			without[n].Seconds(), withoutCPU[n].Seconds(), with[n].Seconds(), withCPU[n].Seconds())
	}
	w, wo := median(with), median(without)
	b.ReportMetric(100*(float64(w)/float64(wo)-1), "%linkcheck-overhead")
	b.ReportMetric(100*(float64(median(withCPU))/float64(median(withoutCPU))-1), "%linkcheck-overhead-cpu")
	b.ReportMetric(w.Seconds(), "s/build-checked")
	b.ReportMetric(wo.Seconds(), "s/build-unchecked")
	b.ReportMetric(0, "ns/op")
}

// order is the order of round r's two builds.
func order(r int) []LinkMode {
	if r%2 == 0 {
		return []LinkMode{LinksOff, LinksByConfig}
	}
	return []LinkMode{LinksByConfig, LinksOff}
}

// median returns the middle of ds (the lower one of two).
func median(ds []time.Duration) time.Duration {
	s := slices.Sorted(slices.Values(ds))
	return s[(len(s)-1)/2]
}
