package content

import (
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/quire-docs/quire/internal/diag"
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
	site     *Site
}

func (l *loader) load() {
	l.site = &Site{}
	l.walk()
	pages := l.readPages()
	l.buildTree(pages)
	l.site.Home = l.sections[""]
	l.pruneDrafts()
	inherit(l.site.Home)
	l.computeURLs(l.site.Home)
	sortTree(l.site.Home)
	l.site.Pages = readingOrder(l.site.Home)
	l.collectStatic()
	l.checkCollisions()
}

// file returns the site-root path of a content-relative path.
func (l *loader) file(rel string) string {
	if l.dir == "." {
		return rel
	}
	return l.dir + "/" + rel
}

// walk lists the content dir in lexical order, skipping hidden files and
// editor backups.
func (l *loader) walk() {
	err := fs.WalkDir(l.fsys, l.dir, func(p string, d fs.DirEntry, err error) error {
		rel := strings.TrimPrefix(strings.TrimPrefix(p, l.dir), "/")
		if l.dir == "." {
			rel = p
		}
		if err != nil {
			if p == l.dir {
				return err
			}
			l.diags.Add(diag.Errorf(l.file(rel), 0, 0, "cannot read: %v", err))
			return nil
		}
		if p != l.dir && ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.IsDir():
		case isMarkdown(rel):
			l.mdFiles = append(l.mdFiles, rel)
		case d.Type().IsRegular() || d.Type()&fs.ModeSymlink != 0:
			l.staticFiles = append(l.staticFiles, rel)
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

// baseName is a file's name without its extension.
func baseName(rel string) string {
	b := path.Base(rel)
	return strings.TrimSuffix(b, path.Ext(b))
}

// dirOf is the content-relative dir of rel, "" for the content root.
func dirOf(rel string) string {
	d := path.Dir(rel)
	if d == "." {
		return ""
	}
	return d
}
