package server

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/watch"
)

// Run watches the config files (every name config.LoadSite may read at the
// root, and the config directory) and the content, layout and asset
// directories (recursively) and rebuilds after every burst of changes,
// until ctx is done; then it stops the rebuild in flight, waits for it to
// return, stops watching and ends every live-reload stream. Changes saved
// during a rebuild give exactly one rebuild after it. When the config
// moves one of the directories, the watch follows.
func (s *Server) Run(ctx context.Context) error {
	defer s.Close()
	var unbuilt bool // changes seen by a watcher now closed
	for {
		dirs := s.sourceDirs()
		w, err := watch.New(watch.Options{
			Root:     s.opts.Root,
			Dirs:     append(slices.Clone(dirs), config.Dir),
			Files:    config.RootFiles(),
			Debounce: s.opts.Debounce,
		})
		if err != nil {
			return fmt.Errorf("watching %s: %w", s.opts.Root, err)
		}
		s.once.Do(func() { close(s.ready) })
		var first []watch.Batch
		if unbuilt {
			first = []watch.Batch{{Overflow: true}} // which files is unknown: a full rebuild
		}
		unbuilt, err = s.rebuildOnChange(ctx, w.C, dirs, first...)
		w.Close()
		if err != nil || ctx.Err() != nil {
			return err
		}
	}
}

// rebuildOnChange rebuilds after first (when given) and after each batch
// from batches, until ctx is done (nil) or a build leaves the source
// directories other than dirs (nil, with ctx not done; unbuilt says
// whether changes came during that build). Batches are received while a
// build runs and merged, so that one rebuild follows however many came.
func (s *Server) rebuildOnChange(ctx context.Context, batches <-chan watch.Batch, dirs []string, first ...watch.Batch) (unbuilt bool, err error) {
	var (
		next    watch.Batch // changes not built yet
		waiting bool        // next holds some
		running chan error  // the build in flight, nil when none
	)
	start := func() {
		changed := next.Paths
		if next.Overflow {
			changed = nil
		}
		next, waiting = watch.Batch{}, false
		running = make(chan error, 1)
		go func(done chan<- error) {
			_, err := s.build(ctx, changed)
			done <- err
		}(running)
	}
	for _, b := range first {
		next, waiting = merge(next, b), true
	}
	if waiting {
		start()
	}
	for {
		select {
		case <-ctx.Done():
			if running != nil {
				<-running // it sees ctx too, and stops
			}
			return false, nil
		case b, ok := <-batches:
			if !ok {
				batches = nil
				continue
			}
			s.logf("%s\n", describe(b))
			next, waiting = merge(next, b), true
			if running == nil {
				start()
			}
		case err := <-running:
			running = nil
			if err != nil && ctx.Err() == nil {
				return false, err
			}
			if ctx.Err() != nil {
				return false, nil
			}
			if !slices.Equal(dirs, s.sourceDirs()) {
				return waiting, nil
			}
			if waiting {
				start()
			}
		}
	}
}

// merge returns the changes of a and b together.
func merge(a, b watch.Batch) watch.Batch {
	paths := append(slices.Clone(a.Paths), b.Paths...)
	slices.Sort(paths)
	return watch.Batch{Paths: slices.Compact(paths), Overflow: a.Overflow || b.Overflow}
}

func (s *Server) sourceDirs() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.dirs
}

// sourceDirs are the directories of cfg that a build reads.
func sourceDirs(cfg config.Config) []string { return cfg.SourceDirs() }

// describe says what a batch changed, for the terminal.
func describe(b watch.Batch) string {
	if b.Overflow {
		return "changes too many to list; rebuilding"
	}
	const show = 3
	names := b.Paths
	more := ""
	if len(names) > show {
		more = fmt.Sprintf(" and %d more", len(names)-show)
		names = names[:show]
	}
	return "changed: " + strings.Join(names, ", ") + more
}
