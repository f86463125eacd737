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
// Unsent of a nil *Sent, a build that wrote nothing as it went, leaves
// every file.
type Sent struct {
	paths  []string // by page index: the page's file sent, or ""
	shared sync.Map // the paths of the shared files sent
}

// NewSent returns a record of the files of n pages, none sent yet.
func NewSent(n int) *Sent {
	return &Sent{paths: make([]string, n)}
}

// Page records that page i's file, at path, was sent.
func (s *Sent) Page(i int, path string) {
	s.paths[i] = path
}

// Share records the file at path, which several pages may have, and
// reports whether this is the first time: then the caller sends the
// file, and Unsent leaves it out; otherwise it was sent already.
func (s *Sent) Share(path string) (first bool) {
	_, dup := s.shared.LoadOrStore(path, true)
	return !dup
}

// Unsent returns the files of files that were not sent, in their order
// (Without); files itself when s is nil.
func (s *Sent) Unsent(files []File) []File {
	if s == nil {
		return files
	}
	sent := slices.Clone(s.paths)
	s.shared.Range(func(path, _ any) bool {
		sent = append(sent, path.(string))
		return true
	})
	return Without(files, sent)
}
