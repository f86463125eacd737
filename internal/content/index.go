package content

import (
	"fmt"
	"net/url"
	"path"
	"strings"
)

// Index finds the pages and static files of a content tree by the paths
// writers use to refer to them. Every reference quire resolves goes
// through it: markdown links (Source, then GetPage), and ref, relref and
// .Site.GetPage (Ref).
//
// A target has several names, its forms:
//
//   - its file: "faq/security.md", "faq/diagram.png";
//   - for a section's page or a leaf bundle's page (_index.* or index.*),
//     its directory: "faq", "docs/guide"; the home page's is "";
//   - for a page, its file without the extension: "faq/security".
//
// Where two targets share a name, the form earlier in that list wins, and
// among equals the page earlier in reading order. Each name is also known
// case-folded (see foldName), as Hugo's lower-cased logical paths are:
// folded, a name that folding leaves as it is wins over one it changes.
// Each page but the home page is also known by its base name (see
// baseNameOf).
type Index struct {
	pages   table
	drafts  table   // the draft pages Load left out, for RefError's hint and DraftSource
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
	Form  Form
	Name  string // content-relative, no leading or trailing slash
	URL   string
	Draft bool // a name of a draft left out (see DraftSource)
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

// table holds the names of one set of targets.
type table struct {
	exact map[name]Target
	// folded holds the names that folding changes, by foldName(path); the
	// others are looked up folded in exact.
	folded map[name]Target
	base   map[string]*Page // by baseNameOf; nil when several pages have it
	pages  []*Page          // in reading order, to name those pages
}

func newTable(n int) table {
	return table{
		exact:  make(map[name]Target, 3*n),
		folded: make(map[name]Target),
		base:   make(map[string]*Page, n),
		pages:  make([]*Page, 0, n),
	}
}

// NewIndex indexes the published pages and static files of s, and the
// drafts it left out.
func NewIndex(s *Site) *Index {
	ix := &Index{pages: newTable(len(s.Pages) + len(s.Static)), drafts: newTable(len(s.Drafts))}
	for _, p := range s.Pages {
		ix.addPage(&ix.pages, p, Target{Page: p, URL: p.RelPermalink})
	}
	for i := range s.Static {
		sf := &s.Static[i]
		ix.add(&ix.pages, FormFile, staticPath(sf), Target{Static: sf, URL: "/" + EscapePath(sf.OutPath)})
	}
	for _, d := range s.Drafts {
		p := &Page{File: d.File, Path: d.Path}
		switch {
		case isSectionFile(d.Path) && dirOf(d.Path) == "":
			p.Kind = KindHome
		case isSectionFile(d.Path):
			p.Kind = KindSection
		}
		ix.addPage(&ix.drafts, p, Target{Page: p, URL: d.URL})
	}
	return ix
}

// addPage records every name of page p in t.
func (ix *Index) addPage(t *table, p *Page, tg Target) {
	if !p.Virtual {
		ix.add(t, FormFile, p.Path, tg)
		ix.add(t, FormStem, strings.TrimSuffix(p.Path, path.Ext(p.Path)), tg)
	}
	if p.Kind != KindPage || isBundleIndex(p.Path) {
		ix.add(t, FormDir, strings.Trim(p.Dir(), "/"), tg)
	}
	if b := baseNameOf(p); b != "" {
		if _, taken := t.base[b]; taken {
			t.base[b] = nil
		} else {
			t.base[b] = p
		}
	}
	t.pages = append(t.pages, p)
}

// add records a name of tg in t unless the name is taken. Every name is
// an entry.
func (ix *Index) add(t *table, f Form, p string, tg Target) {
	n := name{f, p}
	if _, ok := t.exact[n]; ok {
		return
	}
	t.exact[n] = tg
	if fn := (name{f, foldName(p)}); fn != n && !hasName(t.folded, fn) {
		t.folded[fn] = tg
	}
	ix.entries = append(ix.entries, Entry{Form: f, Name: p, URL: tg.URL, Draft: t == &ix.drafts})
}

func hasName(m map[name]Target, n name) bool {
	_, ok := m[n]
	return ok
}

// Entries returns every name in the index, drafts' too, in a fixed order:
// two indexes with the same entries resolve every reference the same way
// (the folded and base names follow from them).
func (ix *Index) Entries() []Entry { return ix.entries }

// Source finds the target of a content path that a markdown link names
// (already joined with the linking page's directory): a file, or the
// directory of a section or leaf bundle, as GitHub reads such links: as
// written, case and all. "." or "" is the content root.
func (ix *Index) Source(p string) (Target, bool) {
	return ix.pages.lookup(p, false, FormFile, FormDir)
}

// DraftSource is Source for the drafts Load left out: the draft a content
// path names, with the URL it would have if published, so a link to it
// can be checked and reported as a link to a draft.
func (ix *Index) DraftSource(p string) (Target, bool) {
	return ix.drafts.lookup(p, false, FormFile, FormDir)
}

// Ref finds the page that ref names on page from (nil: on the site, as
// .Site.GetPage), as Hugo's ref, relref and GetPage do. The order; the
// first step that finds a page wins:
//
//  1. Relative to from's directory (see refDir), unless ref starts
//     with "/".
//  2. From the content root, unless ref starts with "./" or "../": those
//     name a page relative to from, or none.
//  3. By base name, when ref is one name ("languages", "/languages.md",
//     "languages/"): the one page whose file name without extension is
//     that name, or for a section or leaf bundle whose directory's name is
//     (see baseNameOf). When several pages have it, ref is ambiguous: an
//     *AmbiguousError naming them all.
//
// Steps 1 and 2 try each form in order (file, directory, stem), each as
// written, then case-folded. Step 3 is case-folded.
//
// A ref that names no page gives a *RefError, saying where it was looked
// for and whether it names a draft.
func (ix *Index) Ref(from *Page, ref string) (*Page, error) {
	return ix.resolve(from, ref, true)
}

// GetPage is Ref without step 3, as Hugo's .Page.GetPage, which its link
// render hook calls on a link's destination.
func (ix *Index) GetPage(from *Page, ref string) (*Page, error) {
	return ix.resolve(from, ref, false)
}

func (ix *Index) resolve(from *Page, ref string, byName bool) (*Page, error) {
	ref = strings.TrimSpace(ref)
	dir, relative := refDir(from, ref)
	rooted := ref != ".." && !strings.HasPrefix(ref, "./") && !strings.HasPrefix(ref, "../")
	byName = byName && oneName(ref)
	find := func(t *table) (*Page, error) {
		if relative {
			if p := t.page(path.Join(dir, ref)); p != nil {
				return p, nil // step 1
			}
		}
		if rooted {
			if p := t.page(ref); p != nil {
				return p, nil // step 2
			}
		}
		if byName {
			return t.byBaseName(ref) // step 3
		}
		return nil, nil
	}
	if p, err := find(&ix.pages); p != nil || err != nil {
		return p, err
	}
	e := &RefError{Ref: ref, Root: rooted, ByName: byName}
	if relative {
		e.Dir = dir
	}
	if d, _ := find(&ix.drafts); d != nil {
		e.Draft = d.File
	}
	return nil, e
}

// refDir is the directory a ref is read from on page from, and false when
// ref is not relative (it starts with "/", or there is no page):
//
//   - for a section's or the home page, the section's own directory;
//   - for a leaf bundle's page, the directory holding the bundle, as for
//     its siblings: the bundle is the page. A ref with an extension that
//     starts with "../" is read from the bundle's own directory instead,
//     as a link to a file is;
//   - for any other page, the directory of its file.
func refDir(from *Page, ref string) (string, bool) {
	if from == nil || strings.HasPrefix(ref, "/") {
		return "", false
	}
	switch {
	case from.Kind != KindPage:
		return from.Dir(), true
	case isBundleIndex(from.Path) && !(strings.HasPrefix(ref, "../") && path.Ext(ref) != ""):
		return dirOf(dirOf(from.Path)), true
	}
	return dirOf(from.Path), true
}

// page finds the page at content path p in any form, as written first.
func (t *table) page(p string) *Page {
	for _, fold := range [...]bool{false, true} {
		if tg, ok := t.lookup(p, fold, FormFile, FormDir, FormStem); ok && tg.Page != nil {
			return tg.Page
		}
	}
	return nil
}

// lookup finds the target with content path p ("faq/security.md",
// "faq/", "./faq"; "." or "" is the content root) in the given forms,
// tried in order, case-folded when fold.
func (t *table) lookup(p string, fold bool, forms ...Form) (Target, bool) {
	if p != "" {
		p = strings.Trim(path.Clean(p), "/")
	}
	if p == "." {
		p = ""
	}
	if fold {
		p = foldName(p)
	}
	for _, f := range forms {
		if tg, ok := t.exact[name{f, p}]; ok {
			return tg, true
		}
		if tg, ok := t.folded[name{f, p}]; ok && fold {
			return tg, true
		}
	}
	return Target{}, false
}

// byBaseName finds the one page whose base name is ref's.
func (t *table) byBaseName(ref string) (*Page, error) {
	b := foldName(trimPageExt(strings.Trim(ref, "/")))
	if p, ok := t.base[b]; !ok || p != nil {
		return p, nil
	}
	e := &AmbiguousError{Ref: ref}
	for _, p := range t.pages {
		if baseNameOf(p) == b {
			e.Files = append(e.Files, p.File)
		}
	}
	return nil, e
}

// oneName reports whether ref is a single name, which step 3 of Ref looks
// up by base name: no slash but a leading or trailing one, as Hugo's
// "simple lookup".
func oneName(ref string) bool {
	n := strings.Trim(ref, "/")
	return n != "" && n != "." && n != ".." && !strings.Contains(n, "/")
}

// baseNameOf is the name step 3 of Ref finds page p by, case-folded: its
// directory's name for a section's or leaf bundle's page, else its file's
// name without the extension; "" for the home page.
func baseNameOf(p *Page) string {
	var b string
	switch {
	case p.Kind == KindHome:
		return ""
	case p.Kind != KindPage || isBundleIndex(p.Path):
		b = path.Base(strings.Trim(p.Dir(), "/"))
	default:
		b = baseName(p.Path)
	}
	return foldName(b)
}

// trimPageExt drops a page file's extension (.md, .markdown, .html, .htm)
// from a name: "languages.md" is found as "languages", but "v3.5" keeps its
// dot.
func trimPageExt(n string) string {
	if isMarkdown(n) || isHTML(n) {
		return strings.TrimSuffix(n, path.Ext(n))
	}
	return n
}

// foldName is a content path as Hugo's logical paths compare it: lower
// case, spaces as hyphens.
func foldName(p string) string {
	return strings.ReplaceAll(strings.ToLower(p), " ", "-")
}

// RefError says that a reference names no page: where it was looked for,
// and which draft it names, if one.
type RefError struct {
	Ref    string
	Dir    string // the directory it was read from, relative to its page ("" for none, or the content root)
	Root   bool   // it was looked for from the content root
	ByName bool   // and by base name
	Draft  string // the draft page it names, left out of the build ("content/x.md"), or ""
}

func (e *RefError) Error() string {
	where := "the content directory"
	if e.Dir != "" {
		where = e.Dir + "/"
		if e.Root {
			where += " or the content directory"
		}
	}
	msg := fmt.Sprintf("no page %q in %s", e.Ref, where)
	if e.ByName {
		msg += fmt.Sprintf(", and no page named %q", trimPageExt(strings.Trim(e.Ref, "/")))
	}
	if e.Draft != "" {
		msg += fmt.Sprintf(" (%s is a draft: drafts are left out unless built with --drafts)", e.Draft)
	}
	return msg
}

// AmbiguousError says that a reference by base name names several pages.
type AmbiguousError struct {
	Ref   string
	Files []string // the pages it names, in reading order
}

func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("page reference %q is ambiguous: it names %s (hint: write the page's path from the content root)",
		e.Ref, strings.Join(e.Files, ", "))
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
