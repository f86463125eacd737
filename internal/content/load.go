package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/sitefs"
)

// Load reads every page under opts.Dir in fsys, parses front matter, drops
// drafts unless opts.Drafts, builds sections, computes URLs and sorts.
// Warnings are returned even when err != nil; err joins every error found
// (each a *diag.Diagnostic). The site is returned even with errors, built
// from the pages that could be read, so a dev server can still show it.
func Load(fsys fs.FS, opts Options) (*Site, []*diag.Diagnostic, error) {
	l := &loader{
		fsys:     fsys,
		opts:     opts,
		dir:      path.Clean("./" + opts.Dir),
		pos:      make(map[*Page]map[string]position),
		sections: make(map[string]*Page),
	}
	if l.dir == "" {
		l.dir = "."
	}
	if c := opts.Files; c != nil {
		c.begin()
		defer c.end()
		l.entries = make(map[string]*cachedFile, c.files.Len())
	}
	l.load()
	l.diags.Sort()
	return l.site, l.diags.Warnings(), l.diags.Err()
}

// loader holds the state of one Load call.
type loader struct {
	fsys  fs.FS
	opts  Options
	dir   string // the content dir, cleaned; "." for the root of fsys
	diags diag.List

	mdFiles     []string // content-relative paths of markdown files, sorted
	staticFiles []string // content-relative paths of other files, sorted

	bundles  map[string]*Page              // leaf bundle dir -> its index page (nil if unreadable)
	sections map[string]*Page              // section dir ("" for home) -> its page
	pos      map[*Page]map[string]position // where url, slug, ... are written
	pruned   []string                      // dirs of draft sections left out
	// draftRoots are the drafts pruneDrafts left out with their sections,
	// leftOut every page left out, and segs the URL segments of the
	// sections they were in, for draftURLs.
	draftRoots []draftRoot
	leftOut    []leftOut
	segs       map[*Page][]string
	patterns   map[*Page]string // the [permalinks] pattern that made a page's URL
	site       *Site

	entries map[string]*cachedFile // opts.Files' entries of l.mdFiles, by content-relative path
	renamed map[string]string      // a page's path without its language suffix -> its file's (see lang.go)
	plain   map[string]bool        // the pages of the language without a suffix, with Options.Language
}

func (l *loader) load() {
	l.site = &Site{}
	l.walk()
	pages := l.readPages()
	l.buildTree(pages)
	l.site.Home = l.sections[""]
	l.applyCascades()
	l.pruneDrafts()
	inherit(l.site.Home)
	l.computeURLs(l.site.Home)
	l.draftURLs()
	sortTree(l.site.Home)
	l.site.Pages = readingOrder(l.site.Home)
	l.collectStatic()
	l.checkAliases()
	l.checkCollisions()
	l.applyGit()
}

// file returns the site-root path of a content-relative path.
func (l *loader) file(rel string) string {
	if real, ok := l.renamed[rel]; ok {
		rel = real // page.de.md, loaded as page.md
	}
	if l.dir == "." {
		return rel
	}
	return l.dir + "/" + rel
}

// walk lists the content dir in lexical order, skipping hidden files and
// editor backups. Whatever cannot be used is reported here, all in one
// run: names with a backslash, dangling symbolic links and unreadable
// static files (markdown files are read next, by readPages). A symbolic
// link to a file is used like the file; one to a directory is skipped with
// a warning. A link that fsys refuses to follow out of the site (a
// *sitefs.OutsideError) is an error naming the link and its target.
func (l *loader) walk() {
	if fi, err := fs.Stat(l.fsys, l.dir); err == nil && !fi.IsDir() {
		l.diags.Add(diag.Errorf(l.opts.Dir, 0, 0, "not a directory").
			WithHint("the content directory holds the pages; move the file %q away, or set the content directory in config.toml", l.opts.Dir))
		return
	}
	err := fs.WalkDir(l.fsys, l.dir, func(p string, d fs.DirEntry, err error) error {
		rel := strings.TrimPrefix(strings.TrimPrefix(p, l.dir), "/")
		if l.dir == "." {
			rel = p
		}
		if err != nil {
			if d := outsideDiag(l.file(rel), err); d != nil {
				l.diags.Add(d)
				return nil
			}
			if p == l.dir {
				return err
			}
			l.diags.Add(diag.Errorf(l.file(rel), 0, 0, "cannot read: %v", pathErr(err)))
			return nil
		}
		if p == l.dir {
			return nil
		}
		if ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if strings.Contains(d.Name(), `\`) {
			what := "file"
			if d.IsDir() {
				what = "directory"
			}
			l.diags.Add(diag.Errorf(l.file(rel), 0, 0, "%s name contains a backslash", what).
				WithHint("rename it: a backslash separates directories on Windows and cannot be part of a URL"))
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.IsDir():
		case d.Type()&fs.ModeSymlink != 0:
			l.addLink(p, rel)
		case d.Type().IsRegular():
			var e *cachedFile
			if l.opts.Files != nil {
				fi, err := d.Info()
				e = l.opts.Files.see(p, fi, err)
			}
			l.addFile(p, rel, e)
		}
		return nil
	})
	if err != nil {
		l.diags.Add(diag.Errorf(l.opts.Dir, 0, 0, "cannot read the content directory: %v", err).
			WithHint("create the directory %q, or set the content directory in config.toml", l.opts.Dir))
	}
	sort.Strings(l.mdFiles)
	sort.Strings(l.staticFiles)
}

// addLink adds the symbolic link at p (rel in the content dir) as the file
// it points to, or reports why it cannot.
func (l *loader) addLink(p, rel string) {
	fi, err := fs.Stat(l.fsys, p)
	switch d := outsideDiag(l.file(rel), err); {
	case d != nil:
		l.diags.Add(d)
	case errors.Is(err, fs.ErrNotExist):
		msg := "dangling symbolic link"
		if target, err := fs.ReadLink(l.fsys, p); err == nil {
			msg += fmt.Sprintf(": %s does not exist", target)
		}
		l.diags.Add(diag.Errorf(l.file(rel), 0, 0, "%s", msg).
			WithHint("remove the link, or create the file it points to"))
	case err != nil:
		l.diags.Add(diag.Errorf(l.file(rel), 0, 0, "cannot read: %v", pathErr(err)))
	case fi.IsDir():
		l.diags.Add(diag.Warnf(l.file(rel), 0, 0, "symbolic link to a directory skipped").
			WithHint("quire does not follow directory links; copy or move the files instead"))
	case fi.Mode().IsRegular():
		l.addFile(p, rel, l.opts.Files.see(p, fi, nil))
	}
}

// addFile adds the regular file at p (rel in the content dir) as a page or
// a static file, or skips it when it is a content adapter. A static file is opened here, so one that cannot be read
// is reported now, with every other error, not when it is copied; e, the
// file's entry in Options.Files (or nil), remembers that it could be read
// and whether it is an HTML page, for the next Load.
func (l *loader) addFile(p, rel string, e *cachedFile) {
	if isContentAdapter(rel) {
		l.skipAdapter(rel)
		return
	}
	if isMarkdown(rel) {
		var ok bool
		if rel, ok = l.language(rel); !ok {
			return
		}
		l.addPage(rel, e)
		return
	}
	if e == nil || !e.sniffed {
		isPage, err := l.sniff(p, rel)
		if err != nil {
			l.diags.Add(diag.Errorf(l.file(rel), 0, 0, "cannot read: %v", pathErr(err)))
			return
		}
		if e != nil {
			e.sniffed, e.isPage = true, isPage
		}
		if isPage {
			l.addPage(rel, e)
			return
		}
	} else if e.isPage {
		l.addPage(rel, e)
		return
	}
	l.staticFiles = append(l.staticFiles, rel)
}

// addPage adds the markdown file (or HTML page) rel, with its entry in
// Options.Files, if any.
func (l *loader) addPage(rel string, e *cachedFile) {
	l.mdFiles = append(l.mdFiles, rel)
	if e != nil {
		l.entries[rel] = e
	}
}

// sniff opens the non-markdown file at p and reports whether it is an
// HTML file that starts with front matter.
func (l *loader) sniff(p, rel string) (isPage bool, err error) {
	f, err := l.fsys.Open(p)
	if err != nil {
		return false, err
	}
	defer f.Close()
	if _, err := f.Stat(); err != nil {
		return false, err
	}
	return isHTML(rel) && startsWithFrontMatter(f), nil
}

// outsideDiag is the diagnostic for err when it is a
// *sitefs.OutsideError (a symbolic link out of the site), else nil.
func outsideDiag(file string, err error) *diag.Diagnostic {
	var oe *sitefs.OutsideError
	if !errors.As(err, &oe) {
		return nil
	}
	return diag.Errorf(file, 0, 0, "%v", oe).WithHint("%s", sitefs.Hint)
}

// pathErr drops the operation and path from an *fs.PathError: the
// diagnostic names the file already.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ignored reports whether a file or directory name is hidden or an editor's
// backup, lock or swap file.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") ||
		strings.HasSuffix(name, "~") ||
		strings.HasSuffix(name, ".swp") ||
		(len(name) >= 2 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"))
}

// isMarkdown reports whether a file is a page: .md or .markdown, any case.
func isMarkdown(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".md" || ext == ".markdown"
}

// isHTML reports whether a file is HTML: .html or .htm, any case. An HTML
// file that starts with front matter is a page (as in Hugo: its body is
// the content, rendered through the layouts); any other is static.
func isHTML(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".html" || ext == ".htm"
}

// startsWithFrontMatter reports whether r starts with a front matter
// delimiter line: "---", "+++" or "{" (JSON), after an optional BOM.
func startsWithFrontMatter(r io.Reader) bool {
	buf := make([]byte, 8)
	n, _ := io.ReadFull(r, buf)
	b := bytes.TrimPrefix(buf[:n], []byte("\ufeff"))
	for _, d := range []string{"---\n", "---\r\n", "+++\n", "+++\r\n", "{"} {
		if bytes.HasPrefix(b, []byte(d)) {
			return true
		}
	}
	return false
}

// baseName is a file's name without its extension.
func baseName(rel string) string {
	if rel == "" || rel[len(rel)-1] == '/' {
		b := path.Base(rel)
		return strings.TrimSuffix(b, path.Ext(b))
	}
	b := rel[strings.LastIndexByte(rel, '/')+1:] // path.Base without its cost
	if i := strings.LastIndexByte(b, '.'); i >= 0 {
		return b[:i]
	}
	return b
}

// dirOf is the content-relative dir of rel, "" for the content root: rel
// is clean (from the walk), so this is path.Dir without its cost.
func dirOf(rel string) string {
	if i := strings.LastIndexByte(rel, '/'); i >= 0 {
		return rel[:i]
	}
	return ""
}
