package content

import (
	"errors"
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
// YAML decoding are most of Load's time), by index of l.mdFiles, except
// those unchanged since the last Load with Options.Files, whose results it
// copies from there. It only computes: readPages reports the results in
// file order, so diagnostics and the tree do not depend on scheduling.
// fsys must be safe for concurrent use, as os.DirFS and fstest.MapFS are.
func (l *loader) readAll() []readResult {
	out := make([]readResult, len(l.mdFiles))
	var todo []int // indexes of the files to read
	for i, rel := range l.mdFiles {
		if e := l.entries[rel]; e != nil && e.read != nil {
			out[i] = e.read.clone()
			out[i].reused = true
		} else {
			todo = append(todo, i)
		}
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(todo)) {
		wg.Go(func() {
			for i := range next {
				out[i] = l.read(l.mdFiles[i])
			}
		})
	}
	for _, i := range todo {
		next <- i
	}
	close(next)
	wg.Wait()
	l.opts.Files.count(out)
	return out
}

// read reads and parses the markdown file rel and keeps the result in its
// cache entry, if any. Workers run it concurrently: it writes only to the
// entry of rel.
func (l *loader) read(rel string) readResult {
	e := l.entries[rel]
	file := l.file(rel)
	src, err := readPage(l.fsys, file, path.Clean(file), l.maxFront())
	var d *diag.Diagnostic
	if errors.As(err, &d) {
		return readResult{errs: []*diag.Diagnostic{d}}
	}
	if err != nil {
		return readResult{readErr: err}
	}
	var r readResult
	var perr error
	r.page, r.pos, r.warns, perr = parsePage(file, src, l.maxFront())
	var errs diag.List
	errs.AddError(file, perr)
	r.errs = errs
	if e != nil {
		kept := r.clone()
		e.read = &kept
	}
	return r
}

// maxFront is Options.MaxFrontMatter, defaulted.
func (l *loader) maxFront() int {
	if l.opts.MaxFrontMatter == 0 {
		return DefaultMaxFrontMatter
	}
	return l.opts.MaxFrontMatter
}
