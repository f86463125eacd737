package cli

import (
	"runtime"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/quire-docs/quire/internal/publish"
)

// stagedOutput is the site.Output of quire build: it writes pages into a
// publish.Stage as the build renders them. A failed write is kept for
// finish rather than returned to the build, so build errors are printed
// first and the publish error (a refused output directory, a full disk)
// after them, once, as when the whole site was written at the end.
type stagedOutput struct {
	stage *publish.Stage
	mu    sync.Mutex
	err   error // the first failed write
}

func (o *stagedOutput) Write(f publish.File) error {
	o.mu.Lock()
	failed := o.err != nil
	o.mu.Unlock()
	if failed {
		return nil // the build is lost anyway; finish reports why
	}
	if err := o.stage.Write(f); err != nil {
		o.mu.Lock()
		if o.err == nil {
			o.err = err
		}
		o.mu.Unlock()
	}
	return nil
}

// finish writes the files the build kept in memory and swaps the output
// in; on error the caller aborts the stage.
func (o *stagedOutput) finish(files []publish.File) error {
	if err := publish.Validate(files); err != nil {
		return err
	}
	var g errgroup.Group
	g.SetLimit(2 * runtime.GOMAXPROCS(0))
	for _, f := range files {
		g.Go(func() error { return o.Write(f) })
	}
	_ = g.Wait()
	if o.err != nil {
		return o.err
	}
	return o.stage.Commit()
}
