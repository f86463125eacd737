package server

import (
	"bytes"
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/quire-docs/quire/internal/corpus"
)

// writeBenchSite writes the generated benchmark site of n pages (the one
// make bench compares with Hugo) and returns its root and the content
// path of a page in the middle of it to edit.
func writeBenchSite(b *testing.B, n int) (dir, page string) {
	dir = b.TempDir()
	files := corpus.Files(corpus.Options{Pages: n, Seed: 1, Port: 8080})
	var pages []string
	for name, data := range files {
		writeFile(b, dir, name, string(data))
		if strings.HasSuffix(name, ".md") && !strings.HasSuffix(name, "_index.md") && !bytes.Contains(data, []byte("\ndraft: true")) {
			pages = append(pages, name)
		}
	}
	slices.Sort(pages)
	return dir, pages[len(pages)/2]
}

// BenchmarkEditToReload10000 measures, on a generated 10,000-page site,
// the time from saving one page to the live-reload event announcing the
// rebuilt site (watcher debounce included), and reports its median and
// mean in ms and the median as a ratio to a cold build of the same site.
func BenchmarkEditToReload10000(b *testing.B) {
	benchEditToReload(b, 10000)
}

// BenchmarkEditToReload1000 is the same on 1,000 pages.
func BenchmarkEditToReload1000(b *testing.B) {
	benchEditToReload(b, 1000)
}

func benchEditToReload(b *testing.B, n int) {
	dir, page := writeBenchSite(b, n)
	orig, err := os.ReadFile(filepath.Join(dir, page))
	if err != nil {
		b.Fatal(err)
	}
	s := New(Options{Root: dir})
	start, cpuStart := time.Now(), cpuTime()
	res, err := s.Build(context.Background())
	if err != nil || !res.OK() {
		b.Fatalf("cold build: %v %v", err, res.Errors)
	}
	cold, coldCPU := time.Since(start), cpuTime()-cpuStart
	ts := httptest.NewServer(s)
	b.Cleanup(ts.Close) // after the stream closes and Run stops (cleanups run last first)
	startRun(b, s)
	st := openStream(b, ts.URL)
	st.next()

	var total, rebuild, cpu time.Duration
	var each []time.Duration
	edits := 0
	for b.Loop() {
		edits++
		// A new paragraph at the top of the body: the page's text, and so
		// its summary, change; its title, weight and headings do not.
		body := bytes.Replace(orig, []byte("\n---\n"), fmt.Appendf(nil, "\n---\n\nEdit %d.\n", edits), 1)
		t0, c0 := time.Now(), cpuTime()
		writeFile(b, dir, page, string(body))
		st.next()
		took := time.Since(t0)
		each = append(each, took)
		total += took
		cpu += cpuTime() - c0
		rebuild += s.state.Load().elapsed
	}
	rendered, _ := s.cache.Last()
	if rendered != 1 {
		b.Errorf("an edit of one page rendered %d pages' markdown, want 1", rendered)
	}
	if templated, _ := s.cache.LastPages(); templated != 1 {
		b.Errorf("an edit of one page's text ran the templates of %d pages, want 1", templated)
	}
	perEdit := total / time.Duration(edits)
	slices.Sort(each)
	median := each[len(each)/2]
	b.ReportMetric(float64(median.Microseconds())/1000, "ms/edit-to-reload-median")
	b.ReportMetric(float64(perEdit.Microseconds())/1000, "ms/edit-to-reload")
	b.ReportMetric(float64((rebuild/time.Duration(edits)).Microseconds())/1000, "ms/rebuild")
	b.ReportMetric(float64(cold.Microseconds())/1000, "ms/cold-build")
	b.ReportMetric(float64(median)/float64(cold), "reload/cold")
	// CPU time depends less on what else the machine is running.
	b.ReportMetric(float64(cpu/time.Duration(edits))/float64(coldCPU), "reload-cpu/cold-cpu")
	b.ReportMetric(0, "ns/op") // the metrics above say it better
}
