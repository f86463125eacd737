//go:build linux || darwin

package linkcheck

import (
	"context"
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/quire-docs/quire/internal/publish"
)

// benchSite returns n pages, each with a few ids and a navigation of
// links to 30 other pages (some to a fragment), and their Parses.
func benchSite(n int) ([]publish.File, map[string]*Parsed) {
	files := make([]publish.File, 0, n)
	parsed := make(map[string]*Parsed, n)
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, `<h1 id="top">Page %d</h1><h2 id="a">A</h2><h2 id="b">B</h2><nav>`, i)
		for j := range 30 {
			to := (i*7 + j*331) % n
			if j%5 == 0 {
				fmt.Fprintf(&b, `<a href="/p%05d/#a">x</a>`, to)
			} else {
				fmt.Fprintf(&b, `<a href="/p%05d/">x</a>`, to)
			}
		}
		b.WriteString(`</nav><a href="#top">up</a>`)
		p := fmt.Sprintf("p%05d/index.html", i)
		files = append(files, publish.File{Path: p, Data: []byte(b.String()), Source: p})
		parsed[p] = Parse(files[i].Data)
	}
	return files, parsed
}

// BenchmarkMemoCheck10000 is the internal link check of a 10,000-page
// site through a Memo that has seen the last build, every page parsed
// ahead: "unchanged" reuses every page's verdicts; "edit" has one page
// parsed anew (its links checked again), as after a one-page edit;
// "edit-ids" changes that page's ids, so the pages linking to one of its
// fragments are checked again too. Each reports cpu-µs/op, the CPU time
// (user and system, all threads) per check: on a shared machine the
// steadier number.
func BenchmarkMemoCheck10000(b *testing.B) {
	const n = 10000
	ctx := context.Background()
	files, parsed := benchSite(n)
	memo := NewMemo()
	check := func() {
		if bad := Collect(ctx, files, nil, Options{BaseURL: "/", Parsed: parsed, Memo: memo}).Broken(ctx); len(bad) != 0 {
			b.Fatalf("broken links: %v", bad[0])
		}
	}
	check()
	edited := files[n/2]
	b.Run("unchanged", func(b *testing.B) {
		defer reportCPU(b)()
		for b.Loop() {
			check()
		}
	})
	b.Run("edit", func(b *testing.B) {
		defer reportCPU(b)()
		for b.Loop() {
			parsed[edited.Path] = Parse(edited.Data)
			check()
		}
	})
	b.Run("edit-ids", func(b *testing.B) {
		other := []byte(strings.Replace(string(edited.Data), `id="b"`, `id="c"`, 1))
		defer reportCPU(b)()
		for i := 0; b.Loop(); i++ {
			data := edited.Data
			if i%2 == 0 {
				data = other
			}
			parsed[edited.Path] = Parse(data)
			check()
		}
	})
}

// reportCPU starts counting CPU time; the function it returns reports it
// per op.
func reportCPU(b *testing.B) func() {
	b.ReportAllocs()
	start := cpuTime(b)
	return func() {
		b.ReportMetric(float64((cpuTime(b)-start).Microseconds())/float64(b.N), "cpu-µs/op")
	}
}

// cpuTime is the CPU time, user and system, the process has used.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
