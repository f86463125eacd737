package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Stage publishes an output directory file by file, so a build can write
// each page as soon as it is rendered instead of holding the whole site in
// memory. It gives the guarantees of Write: files go into a staging
// directory beside dir, created on the first Write (so a build that fails
// before writing anything leaves no trace), and Commit swaps it in; Abort,
// or any failure, leaves dir as it was. Like Write, it reuses the spare an
// earlier build kept as its staging directory, overwriting its files, and
// Commit removes what this build did not write before the swap.
//
// Stage checks each path as Write does, but it cannot see conflicts
// between files (the same path twice, a file where another needs a
// directory): the caller runs Validate over all paths before Commit.
type Stage struct {
	// Notify, when set before the first Write, is told what the Stage did
	// besides writing (an output restored or a leftover kept after an
	// interrupted build), one message per call.
	Notify func(msg string)

	dir string
	o   ops

	once     sync.Once
	staging  string
	existed  bool
	reused   bool // staging is the spare of an earlier build, swept by Commit
	beginErr error

	// mu is held for reading by each Write while it runs and for writing
	// by Commit and Abort, so they wait for the Writes under way.
	mu      sync.RWMutex
	dirs    sync.Map // slash path → *madeDir, for the directories of staging
	written sync.Map // slash path → struct{}, for the files written, when reused
	done    bool     // committed or aborted

	dotMu sync.Mutex
	dots  map[string]string // top-level names starting with "." written → first Source
}

// madeDir is one directory of staging, made once by whichever Write needs
// it first; the others wait for that and share its error.
type madeDir struct {
	once sync.Once
	err  error
}

// NewStage returns a Stage for dir. Nothing is touched until Write or
// Commit.
func NewStage(dir string) *Stage { return newStage(dir, osOps()) }

func newStage(dir string, o ops) *Stage {
	return &Stage{dir: dir, o: o}
}

// begin creates the staging directory and its Marker, once; every later
// call returns the first one's error.
func (s *Stage) begin() error {
	s.once.Do(func() {
		if s.Notify != nil {
			s.o.notify = s.Notify
		}
		s.staging, s.existed, s.reused, s.beginErr = begin(s.dir, s.o)
		if s.beginErr != nil {
			return
		}
		if err := fill(s.staging, nil, nil, nil, s.o.writeFile); err != nil {
			os.RemoveAll(s.staging)
			s.beginErr = err
		}
	})
	return s.beginErr
}

// Write writes f into the staging directory. It is safe for concurrent use.
// An error from the first Write may be a *RefusalError: dir is not quire's.
func (s *Stage) Write(f File) error {
	if reason := badPath(f.Path); reason != "" {
		return fmt.Errorf("%s: invalid output path %q: %s", f.Source, f.Path, reason)
	}
	if f.Path == Marker {
		return fmt.Errorf("%s: output path %q is reserved for quire's marker file", f.Source, f.Path)
	}
	if err := s.begin(); err != nil {
		return err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.done {
		return fmt.Errorf("publish: write to %s after Commit or Abort", s.dir)
	}
	if top, _, _ := strings.Cut(f.Path, "/"); strings.HasPrefix(top, ".") {
		s.dotMu.Lock()
		if _, ok := s.dots[top]; !ok {
			if s.dots == nil {
				s.dots = map[string]string{}
			}
			s.dots[top] = f.Source
		}
		s.dotMu.Unlock()
	}
	if err := s.mkdirs(pathDir(f.Path)); err != nil {
		return err
	}
	if err := s.o.writeFile(filepath.Join(s.staging, filepath.FromSlash(f.Path)), f.Data); err != nil {
		return fmt.Errorf("publish %s (from %s): %w", f.Path, f.Source, err)
	}
	if s.reused {
		s.written.Store(f.Path, struct{}{})
	}
	return nil
}

// mkdirs makes the slash directory d and its parents in staging, each
// once however many Writes need it at the same time; Writes into
// different directories do not wait for each other.
func (s *Stage) mkdirs(d string) error {
	if d == "" {
		return nil
	}
	v, ok := s.dirs.Load(d)
	if !ok {
		v, _ = s.dirs.LoadOrStore(d, new(madeDir))
	}
	m := v.(*madeDir)
	m.once.Do(func() {
		if m.err = s.mkdirs(pathDir(d)); m.err == nil { // parents first
			m.err = mkdir(filepath.Join(s.staging, filepath.FromSlash(d)))
		}
	})
	return m.err
}

// Commit swaps the staging directory in for dir (creating an empty output
// when nothing was written). After an error dir is as Write describes.
func (s *Stage) Commit() error {
	if err := s.begin(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done {
		return fmt.Errorf("publish: %s committed or aborted already", s.dir)
	}
	s.done = true
	if len(s.dots) > 0 {
		// The Marker written first lists nothing; now the top-level
		// dot-entries are known, it says they are the build's own.
		owned := make([]string, 0, len(s.dots))
		for name := range s.dots {
			owned = append(owned, name)
		}
		if err := s.o.writeFile(filepath.Join(s.staging, Marker), markerData(owned)); err != nil {
			os.RemoveAll(s.staging)
			return fmt.Errorf("publish: %w", err)
		}
	}
	if s.reused {
		if err := sweep(s.staging, s.kept()); err != nil {
			os.RemoveAll(s.staging)
			return err
		}
	}
	return swap(s.staging, s.dir, s.existed, s.dots, s.o)
}

// kept returns the files written and the directories above them, for
// sweep: every directory made holds a file written.
func (s *Stage) kept() map[string]bool {
	var paths []string
	s.written.Range(func(p, _ any) bool {
		paths = append(paths, p.(string))
		return true
	})
	return keptOf(paths)
}

// Abort removes the staging directory, and with it the spare it reused,
// if any; dir is left as it was. It is a no-op after Commit or when
// nothing was written.
func (s *Stage) Abort() {
	s.once.Do(func() { s.beginErr = fmt.Errorf("publish: %s aborted", s.dir) })
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done || s.beginErr != nil {
		return
	}
	s.done = true
	os.RemoveAll(s.staging)
}
