package content

import (
	"net/url"
	"path"
	"strings"
)

// Index finds the pages and static files of a content tree by the paths
// writers use to refer to them. Every reference quire resolves goes
// through it: markdown links (Source), and ref, relref and .GetPage (Ref).
//
// A target has several names, its forms:
//
//   - its file: "faq/security.md", "faq/diagram.png";
//   - for a section's page or a leaf bundle's page (_index.* or index.*),
//     its directory: "faq", "docs/guide"; the home page's is "";
//   - for a page, its file without the extension: "faq/security".
//
// Where two targets share a name, the form earlier in that list wins, and
// among equals the page earlier in reading order.
type Index struct {
	names   map[name]Target
	entries []Entry // in the order they were added, for fingerprints
}

// Target is what a reference names: a page, or a static file.
type Target struct {
	Page   *Page       // nil for a static file
	Static *StaticFile // nil for a page
	// URL is the target's site-root URL, escaped: "/faq/security/",
	// "/faq/diagram.png".
	URL string
}

// Entry is one name of a target, for fingerprinting an Index.
type Entry struct {
	Form Form
	Name string // content-relative, no leading or trailing slash
	URL  string
}

// Form is one kind of name a target can have.
type Form int

const (
	FormFile Form = iota // the file's path: "faq/security.md"
	FormDir              // a section's or leaf bundle's directory: "faq"
	FormStem             // a page's file without its extension: "faq/security"
)

type name struct {
	form Form
	path string
}

// NewIndex indexes the published pages and static files of s.
func NewIndex(s *Site) *Index {
	ix := &Index{names: make(map[name]Target, 3*len(s.Pages)+len(s.Static))}
	for _, p := range s.Pages {
		t := Target{Page: p, URL: p.RelPermalink}
		if !p.Virtual {
			ix.add(FormFile, p.Path, t)
			ix.add(FormStem, strings.TrimSuffix(p.Path, path.Ext(p.Path)), t)
		}
		if p.Kind != KindPage || isBundleIndex(p.Path) {
			ix.add(FormDir, strings.Trim(p.Dir(), "/"), t)
		}
	}
	for i := range s.Static {
		sf := &s.Static[i]
		ix.add(FormFile, staticPath(sf), Target{Static: sf, URL: "/" + EscapePath(sf.OutPath)})
	}
	return ix
}

// add records a name of t unless the name is taken.
func (ix *Index) add(f Form, p string, t Target) {
	n := name{f, p}
	if _, ok := ix.names[n]; ok {
		return
	}
	ix.names[n] = t
	ix.entries = append(ix.entries, Entry{Form: f, Name: p, URL: t.URL})
}

// Entries returns every name in the index, in a fixed order: two indexes
// with the same entries resolve every reference the same way.
func (ix *Index) Entries() []Entry { return ix.entries }

// Lookup finds the target with content path p ("faq/security.md",
// "faq/", "./faq"; "." or "" is the content root) in the given forms,
// tried in order.
func (ix *Index) Lookup(p string, forms ...Form) (Target, bool) {
	p = strings.Trim(p, "/")
	if p == "." {
		p = ""
	}
	for _, f := range forms {
		if t, ok := ix.names[name{f, p}]; ok {
			return t, true
		}
	}
	return Target{}, false
}

// Source finds the target of a content path that a markdown link names
// (already joined with the linking page's directory): a file, or the
// directory of a section or leaf bundle, as GitHub reads such links.
func (ix *Index) Source(p string) (Target, bool) {
	return ix.Lookup(p, FormFile, FormDir)
}

// Ref finds the page that ref names on page from (nil: no page), as
// Hugo's ref, relref and GetPage do. The order, first match wins:
//
//  1. relative to from's directory (a section's own directory for a
//     section's page), unless ref starts with "/";
//  2. from the content root.
//
// At each step the forms are tried in order: file, directory, stem.
func (ix *Index) Ref(from *Page, ref string) (*Page, bool) {
	ref = strings.TrimSpace(ref)
	for _, base := range refBases(from, ref) {
		t, ok := ix.Lookup(path.Join(base, ref), FormFile, FormDir, FormStem)
		if ok && t.Page != nil {
			return t.Page, true
		}
	}
	return nil, false
}

// refBases are the directories a ref is read from, in order.
func refBases(from *Page, ref string) []string {
	if strings.HasPrefix(ref, "/") || from == nil {
		return []string{"/"}
	}
	dir := path.Dir(from.Path)
	if from.Kind != KindPage {
		dir = from.Dir()
	}
	return []string{dir, "/"}
}

// staticPath is a static file's path within the content directory.
func staticPath(sf *StaticFile) string {
	if i := strings.Index(sf.File, "/"); i >= 0 {
		return sf.File[i+1:]
	}
	return sf.File
}

// EscapePath percent-encodes each segment of a slash path.
func EscapePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}
