// Package watch turns file system events under a site root into debounced
// batches of changed paths.
package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// DefaultDebounce is the quiet period used when Options.Debounce is 0:
// long enough for an editor's save (truncate, write, rename) to finish,
// short enough to feel instant.
const DefaultDebounce = 50 * time.Millisecond

// Options says what to watch.
type Options struct {
	Root string // directory the paths below are relative to
	// Dirs are watched recursively, including directories created later;
	// a Dir that does not exist yet is picked up when it is created.
	Dirs []string
	// Files are single files in Root or a Dir (config.toml); they are
	// watched through their directory, so replacing one by rename works.
	Files []string
	// Debounce is the quiet period after the last event before a batch is
	// delivered (DefaultDebounce when 0).
	Debounce time.Duration
	// Quiet, when not nil, says when a burst of changes is over instead
	// of a timer of Debounce: tests pass one they fire themselves, so
	// that what a batch holds does not depend on how fast the machine is.
	Quiet Quiet

	// observe, when set (by tests), is called from the watcher's
	// goroutine with the slash path of every event once it is handled,
	// relevant or not. Events arrive in the order they happened, so a
	// test that writes a marker file knows, when the marker is observed,
	// that every earlier change has been handled.
	observe func(rel string)
}

// Batch is one burst of changes.
type Batch struct {
	// Paths are the changed files and directories, slash paths relative
	// to Root, sorted and without duplicates.
	Paths []string
	// Overflow means the kernel dropped events: anything may have changed.
	Overflow bool
}

// Watcher delivers batches on C until Close.
type Watcher struct {
	// C receives one Batch per burst of relevant changes. Changes made
	// while a Batch waits to be received are merged into the next one.
	C <-chan Batch

	root    string
	dirs    []string // cleaned slash paths
	files   map[string]bool
	quiet   Quiet
	observe func(rel string)
	fw      *fsnotify.Watcher
	out     chan Batch
	stop    chan struct{}
	wg      sync.WaitGroup
	once    sync.Once
}

// New starts watching. Events that happen after New returns are reported.
func New(opts Options) (*Watcher, error) {
	root, err := filepath.Abs(opts.Root)
	if err != nil {
		return nil, err
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	out := make(chan Batch)
	w := &Watcher{
		C:       out,
		root:    root,
		files:   map[string]bool{},
		quiet:   opts.Quiet,
		observe: opts.observe,
		fw:      fw,
		out:     out,
		stop:    make(chan struct{}),
	}
	if w.quiet == nil {
		w.quiet = NewTimer(opts.Debounce)
	}
	for _, d := range opts.Dirs {
		w.dirs = append(w.dirs, clean(d))
	}
	for _, f := range opts.Files {
		w.files[clean(f)] = true
	}
	// The root itself (not recursively) sees config.toml and Dirs that
	// are created later; parents of Files and Dirs likewise.
	parents := map[string]bool{".": true}
	for _, d := range w.dirs {
		parents[parentOf(d)] = true
	}
	for f := range w.files {
		parents[parentOf(f)] = true
	}
	for p := range parents {
		if err := fw.Add(w.abs(p)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			fw.Close()
			return nil, err
		}
	}
	for _, d := range w.dirs {
		if err := w.addTree(d, nil); err != nil {
			fw.Close()
			return nil, err
		}
	}
	w.wg.Add(1)
	go w.loop()
	return w, nil
}

// Close stops watching, releases the watches and closes C. It is safe to
// call more than once.
func (w *Watcher) Close() error {
	var err error
	w.once.Do(func() {
		close(w.stop)
		w.wg.Wait()
		err = w.fw.Close()
		close(w.out)
	})
	return err
}

// loop collects events into a pending set and offers it on out once the
// quiet period after the last relevant event is over.
func (w *Watcher) loop() {
	defer w.wg.Done()
	defer w.quiet.Stop()
	pending := map[string]bool{}
	overflow := false
	ready := false
	for {
		var out chan<- Batch
		var batch Batch
		if ready {
			out, batch = w.out, makeBatch(pending, overflow)
		}
		select {
		case <-w.stop:
			return
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			if w.event(ev, pending) {
				ready = false
				w.quiet.Reset()
			}
			if w.observe != nil {
				if rel, ok := w.rel(ev.Name); ok {
					w.observe(rel)
				}
			}
		case err, ok := <-w.fw.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				overflow = true
				ready = false
				w.quiet.Reset()
			}
		case <-w.quiet.Done():
			ready = overflow || len(pending) > 0
		case out <- batch:
			clear(pending)
			overflow, ready = false, false
		}
	}
}

// event records ev in pending when it is relevant and reports whether it
// was. A new directory under a Dir is watched at once and everything
// already in it is recorded, since its files may have been written before
// the watch was in place.
func (w *Watcher) event(ev fsnotify.Event, pending map[string]bool) bool {
	rel, ok := w.rel(ev.Name)
	if !ok || !w.relevant(rel) || Ignored(rel) {
		return false
	}
	if ev.Has(fsnotify.Chmod) && !ev.Has(fsnotify.Write|fsnotify.Create|fsnotify.Remove|fsnotify.Rename) {
		return false // touch, chmod, or an editor's metadata update: no content change
	}
	pending[rel] = true
	if ev.Has(fsnotify.Create) && w.underDir(rel) {
		// A directory that cannot be watched still gets its files built
		// now; later changes inside it are missed, as a full system's
		// watch limit leaves no better choice.
		_ = w.addTree(rel, pending)
	}
	return true
}

// addTree watches dir and every directory below it, recording their
// files in pending when it is not nil. A missing dir, or one removed
// while it is walked, is not an error; running out of watches is (the
// system limit on inotify watches, say).
func (w *Watcher) addTree(dir string, pending map[string]bool) error {
	return filepath.WalkDir(w.abs(dir), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, ok := w.rel(p)
		if !ok {
			return nil
		}
		if rel != dir && Ignored(rel) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if err := w.fw.Add(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("watching %s: %w", p, err)
			}
		}
		if pending != nil {
			pending[rel] = true
		}
		return nil
	})
}

// relevant reports whether rel is one of Files or within one of Dirs.
func (w *Watcher) relevant(rel string) bool {
	return w.files[rel] || w.underDir(rel)
}

func (w *Watcher) underDir(rel string) bool {
	for _, d := range w.dirs {
		if rel == d || strings.HasPrefix(rel, d+"/") || d == "." {
			return true
		}
	}
	return false
}

// rel turns an absolute OS path into a slash path relative to the root.
func (w *Watcher) rel(name string) (string, bool) {
	r, err := filepath.Rel(w.root, name)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

func (w *Watcher) abs(rel string) string { return filepath.Join(w.root, filepath.FromSlash(rel)) }

func makeBatch(pending map[string]bool, overflow bool) Batch {
	b := Batch{Overflow: overflow, Paths: make([]string, 0, len(pending))}
	for p := range pending {
		b.Paths = append(b.Paths, p)
	}
	sort.Strings(b.Paths)
	return b
}

func clean(p string) string { return filepath.ToSlash(filepath.Clean(filepath.FromSlash(p))) }

func parentOf(p string) string {
	d := filepath.ToSlash(filepath.Dir(filepath.FromSlash(p)))
	if d == "" {
		return "."
	}
	return d
}
