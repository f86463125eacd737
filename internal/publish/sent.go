package publish

import (
	"slices"
	"sync"
)

// Sent records the files a build wrote to its output as it went (each
// page's file as soon as it was rendered, and files several pages share,
// such as a search index fragment, once), so that the files it returns at
// the end leave them out (Unsent). Pages are recorded by index, each
// index by one goroutine only; Share may be called from any goroutine.
// A nil *Sent records nothing: a build that wrote nothing as it went.
type Sent struct {
	paths  []string // by page index: the page's file sent, or ""
	shared []string // by page index: the shared file the page sent first, or ""
	seen   sync.Map // the paths of the shared files sent
}

// NewSent returns a record of the files of n pages, none sent yet.
func NewSent(n int) *Sent {
	return &Sent{paths: make([]string, n), shared: make([]string, n)}
}

// Page records that page i's file, at path, was sent.
func (s *Sent) Page(i int, path string) {
	s.paths[i] = path
}

// Share records that page i has the file at path, which other pages may
// have too, and reports whether i is the first to: then the caller sends
// the file, and Unsent leaves it out; otherwise it was sent already.
func (s *Sent) Share(i int, path string) (first bool) {
	if _, dup := s.seen.LoadOrStore(path, true); dup {
		return false
	}
	s.shared[i] = path
	return true
}

// Unsent returns the files of files that were not sent, in their order
// (Without); files itself when s is nil.
func (s *Sent) Unsent(files []File) []File {
	if s == nil {
		return files
	}
	return Without(files, slices.Concat(s.paths, s.shared))
}
