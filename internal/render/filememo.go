package render

import (
	"github.com/quire-docs/quire/internal/linkcheck"
	"github.com/quire-docs/quire/internal/memo"
)

// PageFile is a page's finished file as a FileMemo keeps it between
// builds: its minified HTML and that HTML parsed for the link check.
type PageFile struct {
	Data   []byte
	Parsed *linkcheck.Parsed // nil when the build that made it had the link check off
}

// FileMemo keeps the output of pages' templates, their finished files,
// between builds of one site (quire serve's), so a rebuild runs the
// templates only of the pages whose key changed. The key is the caller's:
// a hash of everything the page's templates read (layout.PageKeys).
// A build runs Begin, then any number of Gets and Puts from any number of
// goroutines, then Commit or Abort, as for a memo.Table; FileMemo is safe
// for concurrent use. The zero FileMemo is empty and ready to use.
type FileMemo struct {
	files  memo.Table[memo.Key, *PageFile]
	counts memo.Counts // made: templated; taken: kept
}

// Begin starts a build: it keeps the files the build uses. With keep (a
// quick rebuild, which runs few pages' templates), it keeps every file.
func (m *FileMemo) Begin(keep bool) {
	if keep {
		m.files.BeginKeep()
	} else {
		m.files.Begin()
	}
	m.counts.Reset()
}

// Get returns the file kept under k, keeping it for the next build, or
// nil; withParse asks only for a file parsed for the link check. A file
// Get returns counts as kept in Last.
func (m *FileMemo) Get(k memo.Key, withParse bool) *PageFile {
	f, _ := m.files.Peek(k)
	if f == nil || (withParse && f.Parsed == nil) {
		return nil
	}
	m.files.Put(k, f)
	m.counts.Taken()
	return f
}

// Put keeps f, the file of a page whose templates ran, under k; it counts
// as templated in Last.
func (m *FileMemo) Put(k memo.Key, f *PageFile) {
	m.files.Put(k, f)
	m.counts.Made()
}

// Commit ends a build of a site of n pages: a quick rebuild (Begin(true))
// counts the pages whose templates it did not run as kept.
func (m *FileMemo) Commit(quick bool, n int) {
	m.files.Commit()
	if quick {
		m.counts.Quick(n)
	}
}

// Abort ends a failed build: the files are as the last committed build
// left them.
func (m *FileMemo) Abort() {
	m.files.Abort()
}

// Last reports how many pages the last build ran templates for and how
// many files it took from the previous build unchanged.
func (m *FileMemo) Last() (templated, kept int) { return m.counts.Last() }
