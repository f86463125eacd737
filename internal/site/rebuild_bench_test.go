package site

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"github.com/quire-docs/quire/internal/content"
)

// BenchmarkRebuildOneEdit1000 and 10000 time a rebuild as quire serve
// runs it (with a Cache, told which file changed: a quick rebuild) of the
// generated corpus after one page's text changed,
// as a ratio to the cold build of the same site; the watcher and the
// server are left out (internal/server's BenchmarkEditToReload has them).
func BenchmarkRebuildOneEdit1000(b *testing.B)  { benchRebuild(b, 1000) }
func BenchmarkRebuildOneEdit10000(b *testing.B) { benchRebuild(b, 10000) }

func benchRebuild(b *testing.B, n int) {
	mem, cfg := corpusFS(b, n)
	// On disk, as quire serve reads it: fstest.MapFS lists a directory
	// by scanning every file.
	dir := b.TempDir()
	for name, f := range mem {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	fsys := os.DirFS(dir)
	cache := NewCache()
	opts := Options{Cache: cache, Files: content.NewFileCache(), Links: LinksWarn}
	start := time.Now()
	if _, err := Build(context.Background(), fsys, cfg, opts); err != nil {
		b.Fatal(err)
	}
	cold := time.Since(start)
	name := editablePage(mem)
	orig := mem[name].Data
	edits := 0
	var total time.Duration
	if f := os.Getenv("QUIRE_REBUILD_PROFILE"); f != "" {
		out, err := os.Create(f)
		if err != nil {
			b.Fatal(err)
		}
		_ = pprof.StartCPUProfile(out)
		defer pprof.StopCPUProfile()
	}
	for b.Loop() {
		edits++
		edited := bytes.Replace(orig, []byte("\n\n"), fmt.Appendf(nil, "\n\nEdit %d.\n\n", edits), 1)
		t0 := time.Now()
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), edited, 0o644); err != nil {
			b.Fatal(err)
		}
		opts.Changed = []string{name} // as the watcher reports it
		if _, err := Build(context.Background(), fsys, cfg, opts); err != nil {
			b.Fatal(err)
		}
		if !cache.Quick() {
			b.Fatal("an edit of one page's text was not a quick rebuild")
		}
		total += time.Since(t0)
	}
	if templated, _ := cache.LastPages(); templated != 1 {
		b.Errorf("a one-page edit ran the templates of %d pages, want 1", templated)
	}
	per := total / time.Duration(edits)
	b.ReportMetric(float64(per.Microseconds())/1000, "ms/rebuild")
	b.ReportMetric(float64(cold.Microseconds())/1000, "ms/cold-build")
	b.ReportMetric(float64(per)/float64(cold), "rebuild/cold")
	b.ReportMetric(0, "ns/op")
}

// editablePage is the first regular page of the corpus, in name order.
func editablePage(fsys fstest.MapFS) string {
	var names []string
	for name := range fsys {
		if len(name) > 3 && name[len(name)-3:] == ".md" && !bytes.Contains([]byte(name), []byte("_index")) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names[len(names)/2]
}
