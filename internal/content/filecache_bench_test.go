//go:build linux || darwin

package content

import (
	"io/fs"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/quire-docs/quire/internal/corpus"
)

// BenchmarkLoad10000 loads the generated 10,000-page site from disk
// (written to a temporary directory once): "uncached" reads and parses
// every file, "cached" is a Load with a FileCache of the unchanged site
// (what quire serve does on a rebuild), and "walk" is only the directory
// walk with a stat of each file, the floor of a cached Load. Each reports
// µs/page of wall time and cpu-µs/page of CPU time (user and system, all
// threads: on a shared machine the steadier of the two); "cached" also
// reports its speedup over "uncached" and its CPU beyond the walk's.
func BenchmarkLoad10000(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Write(dir, corpus.Options{Pages: 10000, Seed: 1, Port: 8080}); err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(dir)
	uncached := func() {
		if _, _, err := Load(fsys, Options{Dir: "content"}); err != nil {
			b.Fatal(err)
		}
	}
	var pages int
	files := NewFileCache()
	// The first Load leaves out of the cache the files written just
	// before it (within the racy margin); the second adds them.
	for range 3 {
		if _, _, err := Load(fsys, Options{Dir: "content", Files: files}); err != nil {
			b.Fatal(err)
		}
	}
	if read, reused := files.Last(); read != 0 {
		b.Fatalf("warm cached Load read %d files, reused %d", read, reused)
	} else {
		pages = reused
	}
	// measure runs f b.N times and reports per page wall and CPU time.
	measure := func(b *testing.B, f func()) (wall, cpu float64) {
		start := cpuTime(b)
		for b.Loop() {
			f()
		}
		n := float64(b.N) * float64(pages)
		wall = float64(b.Elapsed().Nanoseconds()) / 1e3 / n
		cpu = float64((cpuTime(b) - start).Nanoseconds()) / 1e3 / n
		b.ReportMetric(wall, "µs/page")
		b.ReportMetric(cpu, "cpu-µs/page")
		return wall, cpu
	}
	var uncachedWall, uncachedCPU, walkCPU float64
	b.Run("uncached", func(b *testing.B) {
		b.ReportAllocs()
		uncachedWall, uncachedCPU = measure(b, uncached)
	})
	b.Run("walk", func(b *testing.B) {
		_, walkCPU = measure(b, func() { walkAndStat(b, fsys) })
	})
	b.Run("cached", func(b *testing.B) {
		b.ReportAllocs()
		wall, cpu := measure(b, func() {
			if _, _, err := Load(fsys, Options{Dir: "content", Files: files}); err != nil {
				b.Fatal(err)
			}
		})
		if read, _ := files.Last(); read != 0 {
			b.Fatalf("cached Load of the unchanged site read %d files", read)
		}
		if uncachedWall > 0 {
			b.ReportMetric(uncachedWall/wall, "speedup")
			b.ReportMetric(uncachedCPU/cpu, "cpu-speedup")
		}
		if walkCPU > 0 {
			b.ReportMetric(cpu-walkCPU, "cpu-µs/page-beyond-walk")
		}
	})
}

// walkAndStat walks fsys's content directory as Load does, with a stat of
// every file.
func walkAndStat(b *testing.B, fsys fs.FS) {
	err := fs.WalkDir(fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		_, err = d.Info()
		return err
	})
	if err != nil {
		b.Fatal(err)
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
