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
	errs    []*diag.Diagnostic // from parsing
	readErr error              // from reading; the rest is then empty
	reused  bool               // taken from Options.Files
}

// readAll reads and parses every markdown file on all cores (reading and
// YAML decoding are most of Load's time), by index of l.mdFiles, or takes
// a copy of the file's result from Options.Files when the file is
// unchanged. It only computes: readPages reports the results in file
// order, so diagnostics and the tree do not depend on scheduling. fsys
// must be safe for concurrent use, as os.DirFS and fstest.MapFS are.
func (l *loader) readAll() []readResult {
	out := make([]readResult, len(l.mdFiles))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(l.mdFiles)) {
		wg.Go(func() {
			for i := range next {
				out[i] = l.read(l.mdFiles[i])
			}
		})
	}
	for i := range l.mdFiles {
		next <- i
	}
	close(next)
	wg.Wait()
	l.opts.Files.count(out)
	return out
}

// read reads and parses the markdown file rel, or copies its cached result.
// Workers run it concurrently: it writes only to the cache entry of rel.
func (l *loader) read(rel string) readResult {
	p := path.Join(l.dir, rel)
	e := l.entries[p]
	if e != nil && e.read != nil {
		r := e.read.clone()
		r.reused = true
		return r
	}
	src, err := fs.ReadFile(l.fsys, p)
	if err != nil {
		return readResult{readErr: err}
	}
	var r readResult
	var perr error
	file := l.file(rel)
	r.page, r.pos, r.warns, perr = parsePage(file, src)
	var errs diag.List
	errs.AddError(file, perr)
	r.errs = errs
	if e != nil {
		kept := r.clone()
		e.read = &kept
	}
	return r
}
