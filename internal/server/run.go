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
// until ctx is done; then it stops watching and ends every live-reload
// stream. When the config moves one of the directories, the watch follows.
func (s *Server) Run(ctx context.Context) error {
	defer s.Close()
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
		err = s.rebuildOnChange(ctx, w, dirs)
		w.Close()
		if err != nil || ctx.Err() != nil {
			return err
		}
	}
}

// rebuildOnChange rebuilds on each batch from w until ctx is done (nil)
// or the source directories are no longer dirs (nil, with ctx not done).
func (s *Server) rebuildOnChange(ctx context.Context, w *watch.Watcher, dirs []string) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case b := <-w.C:
			s.logf("%s\n", describe(b))
			var changed []string
			if !b.Overflow {
				changed = b.Paths
			}
			if _, err := s.build(ctx, changed); err != nil {
				if ctx.Err() != nil {
					return nil
				}
				return err
			}
			if !slices.Equal(dirs, s.sourceDirs()) {
				return nil
			}
		}
	}
}

func (s *Server) sourceDirs() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.dirs
}

// sourceDirs are the directories of cfg that a build reads.
func sourceDirs(cfg config.Config) []string {
	var dirs []string
	for _, d := range []string{cfg.ContentDir, cfg.LayoutDir, cfg.AssetDir} {
		if d != "" && !slices.Contains(dirs, d) {
			dirs = append(dirs, d)
		}
	}
	return dirs
}

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
