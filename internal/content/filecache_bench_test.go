package content

import (
	"io/fs"
	"os"
	"testing"

	"github.com/quire-docs/quire/internal/corpus"
)

// BenchmarkLoad10000 loads the generated 10,000-page site from disk
// (written to a temporary directory once): "uncached" reads and parses
// every file, "cached" is a Load with a FileCache of the unchanged site
// (what quire serve does on a rebuild), and "walk" is only the directory
// walk with a stat of each file, the floor of a cached Load. Each reports
// µs/page; "cached" also reports its speedup over "uncached" and its
// µs/page beyond the walk.
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
	perPage := func(b *testing.B) float64 {
		return float64(b.Elapsed().Microseconds()) / float64(b.N) / float64(pages)
	}
	var uncachedUS, walkUS float64
	b.Run("uncached", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			uncached()
		}
		uncachedUS = perPage(b)
		b.ReportMetric(uncachedUS, "µs/page")
	})
	b.Run("walk", func(b *testing.B) {
		for b.Loop() {
			walkAndStat(b, fsys)
		}
		walkUS = perPage(b)
		b.ReportMetric(walkUS, "µs/page")
	})
	b.Run("cached", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := Load(fsys, Options{Dir: "content", Files: files}); err != nil {
				b.Fatal(err)
			}
		}
		if read, _ := files.Last(); read != 0 {
			b.Fatalf("cached Load of the unchanged site read %d files", read)
		}
		us := perPage(b)
		b.ReportMetric(us, "µs/page")
		if uncachedUS > 0 {
			b.ReportMetric(uncachedUS/us, "speedup")
		}
		if walkUS > 0 {
			b.ReportMetric(us-walkUS, "µs/page-beyond-walk")
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
