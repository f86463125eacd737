package content

import (
	"io/fs"
	"path"
	"runtime"
	"sync"

	"github.com/quire-docs/quire/internal/diag"
)

// readResult is one markdown file read and parsed, for readPages.
type readResult struct {
	page    *Page
	pos     map[string]position
	warns   []*diag.Diagnostic
	err     error // from parsing
	readErr error // from reading; the rest is then empty
}

// readAll reads and parses every markdown file on all cores (reading and
// YAML decoding are most of Load's time), by index of l.mdFiles. It only
// computes: readPages reports the results in file order, so diagnostics
// and the tree do not depend on scheduling. fsys must be safe for
// concurrent use, as os.DirFS and fstest.MapFS are.
func (l *loader) readAll() []readResult {
	out := make([]readResult, len(l.mdFiles))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(l.mdFiles)) {
		wg.Go(func() {
			for i := range next {
				rel := l.mdFiles[i]
				src, err := fs.ReadFile(l.fsys, path.Join(l.dir, rel))
				if err != nil {
					out[i].readErr = err
					continue
				}
				r := &out[i]
				r.page, r.pos, r.warns, r.err = parsePage(l.file(rel), src)
			}
		})
	}
	for i := range l.mdFiles {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}
