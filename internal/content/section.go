package content

import (
	"maps"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quire-docs/quire/internal/diag"
)

// isSectionFile reports whether rel is a section's own page (_index.md).
func isSectionFile(rel string) bool { return strings.EqualFold(baseName(rel), "_index") }

// isBundleIndex reports whether rel is a leaf bundle's page: index.md in a
// directory other than the content root.
func isBundleIndex(rel string) bool {
	return dirOf(rel) != "" && strings.EqualFold(baseName(rel), "index")
}

// findBundles records the leaf bundle directories: those with an index.md
// and no _index.md. A bundle inside another bundle is part of the outer one.
func (l *loader) findBundles() {
	l.bundles = make(map[string]*Page)
	hasSection := make(map[string]bool)
	for _, rel := range l.mdFiles {
		if isSectionFile(rel) {
			hasSection[dirOf(rel)] = true
		}
	}
	for _, rel := range l.mdFiles { // sorted, so outer bundles come first
		if !isBundleIndex(rel) || l.bundleOf(rel) != "" {
			continue
		}
		d := dirOf(rel)
		if hasSection[d] {
			l.diags.Add(diag.Errorf(l.file(rel), 0, 0, "%s has both _index.md and %s", d+"/", path.Base(rel)).
				WithHint("a directory is either a section (_index.md) or a leaf bundle (index.md), not both"))
			continue
		}
		l.bundles[d] = nil
	}
}

// bundleOf returns the leaf bundle directory that rel is inside, or "".
func (l *loader) bundleOf(rel string) string {
	for d := dirOf(rel); d != ""; d = dirOf(d) {
		if _, ok := l.bundles[d]; ok {
			// Keep looking: the outermost bundle owns everything under it.
			if outer := l.bundleOf(d); outer != "" {
				return outer
			}
			return d
		}
	}
	return ""
}

// readPages reads and parses every markdown file. Section pages go into
// l.sections; the other pages are returned in source order.
func (l *loader) readPages() []*Page {
	l.findBundles()
	read := l.readAll()
	var pages []*Page
	for i, rel := range l.mdFiles {
		b := l.bundleOf(rel)
		if b != "" && dirOf(rel) != b || b != "" && !isBundleIndex(rel) {
			l.diags.Add(diag.Warnf(l.file(rel), 0, 0, "markdown file inside leaf bundle %s is not rendered", b+"/").
				WithHint("move it out of %s, or rename %s/index.md to _index.md to make a section", b+"/", b))
			continue
		}
		if b == "" && isBundleIndex(rel) {
			continue // its directory also has _index.md: reported by findBundles
		}
		r := read[i]
		if r.readErr != nil {
			l.diags.Add(diag.Errorf(l.file(rel), 0, 0, "cannot read: %v", pathErr(r.readErr)))
			continue
		}
		p, pos := r.page, r.pos
		for _, w := range r.warns {
			l.diags.Add(w)
		}
		for _, e := range r.errs {
			l.diags.Add(e)
		}
		if p == nil {
			continue
		}
		p.Path = rel
		p.HTML = isHTML(rel)
		l.pos[p] = pos
		switch {
		case isSectionFile(rel):
			d := dirOf(rel)
			p.Kind = KindSection
			if d == "" {
				p.Kind = KindHome
			}
			if prev, dup := l.sections[d]; dup {
				l.diags.Add(diag.Errorf(l.file(rel), 0, 0, "section %q already has its page %s", d+"/", prev.File))
				continue
			}
			l.sections[d] = p
		case b != "":
			l.bundles[b] = p
			pages = append(pages, p)
		default:
			pages = append(pages, p)
		}
		l.defaultTitle(p)
	}
	return pages
}

// defaultTitle gives a page with no title one from its file or directory
// name, with a warning (none when its front matter has no opening line:
// that warning says why).
func (l *loader) defaultTitle(p *Page) {
	if p.Title != "" {
		return
	}
	p.Title = titleFromName(p)
	if p.LinkTitle == "" {
		p.LinkTitle = p.Title
	}
	if p.noOpen {
		return // the warning that its front matter has no opening line says it all
	}
	l.diags.Add(diag.Warnf(p.File, 1, 1, "page has no title; using %q", p.Title).
		WithHint("add title: %q to the front matter", p.Title))
}

// titleFromName is the title a page gets from its name: "my-question.md"
// is "My question"; a section or leaf bundle uses its directory's name; the
// home page is "Home".
func titleFromName(p *Page) string {
	if p.Kind == KindHome {
		return "Home"
	}
	name := baseName(p.Path)
	if p.Virtual {
		name = path.Base(strings.TrimSuffix(p.Path, "/"))
	} else if p.Kind == KindSection || isBundleIndex(p.Path) {
		name = path.Base(dirOf(p.Path))
	}
	return humanize(name)
}

// humanize turns a file name into words: dashes and underscores become
// spaces and the first letter is upper case.
func humanize(name string) string {
	s := strings.TrimSpace(strings.NewReplacer("-", " ", "_", " ").Replace(name))
	if s == "" {
		return name
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// sectionDir is the content-relative directory a section page stands for.
func sectionDir(p *Page) string {
	switch {
	case p.Kind == KindHome:
		return ""
	case p.Virtual:
		return strings.TrimSuffix(p.Path, "/")
	}
	return dirOf(p.Path)
}

// buildTree makes the section tree by Hugo's rule: the content root
// (home), every top-level directory that holds a page, and every directory
// with an _index.md are sections (those without _index.md synthesised);
// any other directory is not, and its pages and sections belong to the
// nearest section above it.
func (l *loader) buildTree(pages []*Page) {
	var need func(d string)
	need = func(d string) { // d is "", top-level or has a section page
		if _, ok := l.sections[d]; !ok {
			v := &Page{Kind: KindSection, Virtual: true, Path: d + "/", File: l.file(d) + "/", Params: map[string]any{}}
			if d == "" {
				v.Kind, v.Path, v.File = KindHome, "", l.dir
			}
			v.Title = titleFromName(v)
			v.LinkTitle = v.Title
			l.sections[d] = v
		}
		if d != "" {
			need(l.sectionOf(dirOf(d)))
		}
	}
	need("")
	for _, p := range pages {
		need(l.sectionOf(pageDir(p)))
	}
	for _, d := range l.sectionDirs() {
		need(d) // a section page's ancestors
	}
	for _, d := range l.sectionDirs() {
		if d == "" {
			continue
		}
		s, parent := l.sections[d], l.sections[l.sectionOf(dirOf(d))]
		s.Parent = parent
		parent.Children = append(parent.Children, s)
	}
	for _, p := range pages {
		parent := l.sections[l.sectionOf(pageDir(p))]
		p.Parent = parent
		parent.Children = append(parent.Children, p)
	}
}

// sectionOf is the directory of the section that content directory d
// belongs to: d itself when it is the content root, a top-level directory
// or a directory with a section page, else the nearest such ancestor.
func (l *loader) sectionOf(d string) string {
	for strings.Contains(d, "/") {
		if _, ok := l.sections[d]; ok {
			return d
		}
		d = dirOf(d)
	}
	return d
}

// pageDir is the directory a page's URL is made under: its file's
// directory, or for a leaf bundle the bundle's parent directory.
func pageDir(p *Page) string {
	if isBundleIndex(p.Path) {
		return dirOf(dirOf(p.Path))
	}
	return dirOf(p.Path)
}

// sectionDirs returns the directories of l.sections, sorted.
func (l *loader) sectionDirs() []string { return slices.Sorted(maps.Keys(l.sections)) }

// TitleFromFile is the title a page at the content-relative path rel gets
// when its front matter sets none ("faq/my-question.md" → "My question";
// a section's page is named after its directory: "getting-started/_index.md"
// → "Getting started"; the home page is "Home").
func TitleFromFile(rel string) string {
	p := &Page{Path: rel}
	switch {
	case isSectionFile(rel) && dirOf(rel) == "":
		p.Kind = KindHome
	case isSectionFile(rel):
		p.Kind = KindSection
	}
	return titleFromName(p)
}

// IsSectionFile reports whether the content-relative path rel is a
// section's own page (_index.md, or the home page's at the root).
func IsSectionFile(rel string) bool { return isSectionFile(rel) }

// Dir is the content-relative directory a section or home page stands for
// ("" for the home page, "faq" for faq/_index.md).
func (p *Page) Dir() string { return sectionDir(p) }
