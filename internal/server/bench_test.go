package server

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// writeBenchSite writes a site of n pages in n/100 sections, each page with
// front matter, headings, a list, a code fence and internal links, and
// returns its root.
func writeBenchSite(b *testing.B, n int) string {
	dir := b.TempDir()
	writeFile(b, dir, "config.toml", "title = 'Bench'\n")
	for s := 0; s < benchSections(n); s++ {
		writeFile(b, dir, fmt.Sprintf("content/s%03d/_index.md", s), fmt.Sprintf("---\ntitle: Section %d\nweight: %d\n---\nSection %d.\n", s, s+1, s))
	}
	for i := 0; i < n; i++ {
		writeFile(b, dir, benchPage(n, i), benchBody(n, i, "First"))
	}
	return dir
}

// benchSections is how many sections a site of n pages has: 100 pages
// in each, as a large docs site might have.
func benchSections(n int) int { return max(n/100, 1) }

func benchPage(n, i int) string {
	return fmt.Sprintf("content/s%03d/p%05d.md", i%benchSections(n), i)
}

func benchBody(n, i int, version string) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "---\ntitle: Page %d\nweight: %d\ndescription: About page %d.\n---\n\n%s version.\n\n", i, i%37, i, version)
	for h := 0; h < 6; h++ {
		fmt.Fprintf(&sb, "%s Heading %d\n\nSome *text* and `code`, see [the next page](p%05d.md) and [a section](../s%03d/).\n\n",
			strings.Repeat("#", 2+h%3), h, i+benchSections(n), (i+1)%benchSections(n))
		if h%3 == 0 {
			sb.WriteString("- one\n- two\n- three\n\n")
		}
		if h%3 == 1 {
			sb.WriteString("```go\nfunc main() {\n\tfmt.Println(\"hello\")\n}\n```\n\n")
		}
	}
	return sb.String()
}

// BenchmarkEditToReload10000 measures, on a generated 10,000-page site,
// the time from saving one page to the live-reload event announcing the
// rebuilt site (watcher debounce included), and reports it in ms and as
// a ratio to a cold build of the same site.
func BenchmarkEditToReload10000(b *testing.B) {
	benchEditToReload(b, 10000)
}

// BenchmarkEditToReload1000 is the same on 1,000 pages.
func BenchmarkEditToReload1000(b *testing.B) {
	benchEditToReload(b, 1000)
}

func benchEditToReload(b *testing.B, n int) {
	dir := writeBenchSite(b, n)
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
	edits := 0
	page := benchPage(n, n/2)
	for b.Loop() {
		edits++
		t0, c0 := time.Now(), cpuTime()
		writeFile(b, dir, page, benchBody(n, n/2, fmt.Sprintf("Edit %d", edits)))
		st.next()
		total += time.Since(t0)
		cpu += cpuTime() - c0
		rebuild += s.state.Load().elapsed
	}
	rendered, _ := s.cache.Last()
	if rendered != 1 {
		b.Errorf("an edit of one page rendered %d pages' markdown, want 1", rendered)
	}
	perEdit := total / time.Duration(edits)
	b.ReportMetric(float64(perEdit.Microseconds())/1000, "ms/edit-to-reload")
	b.ReportMetric(float64((rebuild/time.Duration(edits)).Microseconds())/1000, "ms/rebuild")
	b.ReportMetric(float64(cold.Microseconds())/1000, "ms/cold-build")
	b.ReportMetric(float64(perEdit)/float64(cold), "reload/cold")
	// CPU time depends less on what else the machine is running.
	b.ReportMetric(float64(cpu/time.Duration(edits))/float64(coldCPU), "reload-cpu/cold-cpu")
	b.ReportMetric(0, "ns/op") // the metrics above say it better
}
