package linkcheck

import (
	"slices"
	"strings"

	"github.com/quire-docs/quire/internal/publish"
)

// fileIndex says where each output file of a build is: its place among
// the HTML files sorted by path, or -1 for a file that is not HTML or a
// path served by other means (Options.Elsewhere). It
// depends only on the paths, in order, so the builds of a site with the
// same files share one (kept in a Memo) instead of mapping every path
// anew. It is read-only once made.
type fileIndex struct {
	paths []string         // every file's path, in the order given, then the Elsewhere paths
	at    map[string]int32 // path → place among the HTML files, -1 when not HTML
	html  []int32          // the HTML files (as indexes into paths), sorted by path
}

func newFileIndex(files []publish.File, elsewhere []string) *fileIndex {
	x := &fileIndex{paths: make([]string, len(files), len(files)+len(elsewhere)), at: make(map[string]int32, len(files)+len(elsewhere))}
	for i, f := range files {
		x.paths[i] = f.Path
		x.at[f.Path] = -1
		if isHTML(f.Path) {
			x.html = append(x.html, int32(i))
		}
	}
	for _, p := range elsewhere {
		x.paths = append(x.paths, p)
		if _, ok := x.at[p]; !ok {
			x.at[p] = -1
		}
	}
	byPath := func(a, b int32) int { return strings.Compare(x.paths[a], x.paths[b]) }
	if !slices.IsSortedFunc(x.html, byPath) { // a build's files come sorted
		slices.SortStableFunc(x.html, byPath)
	}
	for k, i := range x.html {
		x.at[x.paths[i]] = int32(k)
	}
	return x
}

// pageIndex maps output paths to the index of the Page that names them,
// shared the same way between builds with the same pages.
type pageIndex struct {
	paths []string
	at    map[string]int32
}

func newPageIndex(pages []Page) *pageIndex {
	x := &pageIndex{paths: make([]string, len(pages)), at: make(map[string]int32, len(pages))}
	for i, p := range pages {
		x.paths[i] = p.Path
		x.at[p.Path] = int32(i)
	}
	return x
}

// samePaths reports whether the n items whose paths path(i) gives have
// exactly the paths of have, in order.
func samePaths(have []string, n int, path func(i int) string) bool {
	if len(have) != n {
		return false
	}
	for i, p := range have {
		if path(i) != p {
			return false
		}
	}
	return true
}

// indexes returns the file and page indexes of a build, those of the last
// build when its files (and paths served elsewhere) and pages had the
// same paths; m may be nil.
func (m *Memo) indexes(files []publish.File, elsewhere []string, pages []Page) (*fileIndex, *pageIndex) {
	if m == nil {
		return newFileIndex(files, elsewhere), newPageIndex(pages)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	path := func(i int) string {
		if i < len(files) {
			return files[i].Path
		}
		return elsewhere[i-len(files)]
	}
	if m.files == nil || !samePaths(m.files.paths, len(files)+len(elsewhere), path) {
		m.files = newFileIndex(files, elsewhere)
	}
	if m.pages == nil || !samePaths(m.pages.paths, len(pages), func(i int) string { return pages[i].Path }) {
		m.pages = newPageIndex(pages)
	}
	return m.files, m.pages
}

// file returns the doc of the output file at path p (nil when it is not
// HTML) and whether there is one.
func (l *Links) file(p string) (*doc, bool) {
	k, ok := l.index.at[p]
	if !ok {
		return nil, false
	}
	if k < 0 {
		return nil, true
	}
	return l.docs[k], true
}
