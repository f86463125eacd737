package shortcode

import (
	"io/fs"
	"path"
	"strings"
)

// SectionDir holds the shortcode templates of one part of the content, as
// Hugo's layouts/SECTION/_shortcodes/: they serve the pages under Section
// ("docs", "docs/guides") and win over the site-wide ones there.
type SectionDir struct {
	Section string // slash path within the content dir
	Dir     TemplateDir
}

// SectionDirs finds the section shortcode directories of a layouts
// directory: every PATH/_shortcodes below its top level, PATH not starting
// with "_" (layouts/_shortcodes is the site-wide one; _default, _partials
// and _markup are no sections). name names layouts in diagnostics. The
// result is sorted by section.
func SectionDirs(layouts fs.FS, name string) []SectionDir {
	if layouts == nil {
		return nil
	}
	var out []SectionDir
	_ = fs.WalkDir(layouts, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() || p == "." {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		if d.Name() != "_shortcodes" {
			if strings.HasPrefix(d.Name(), "_") {
				return fs.SkipDir
			}
			return nil
		}
		section := path.Dir(p)
		if section == "." {
			return fs.SkipDir // the site-wide directory
		}
		if sub, err := fs.Sub(layouts, p); err == nil {
			out = append(out, SectionDir{Section: section, Dir: TemplateDir{FS: sub, Name: path.Join(name, p)}})
		}
		return fs.SkipDir
	})
	return out
}

// lookup returns the shortcode name as the page at pagePath (a slash path
// within the content dir) sees it: from the deepest section directory
// above the page that has it, else the site-wide one.
func (s *Set) lookup(name, pagePath string) (*entry, bool) {
	for dir := path.Dir(pagePath); len(s.sections) > 0 && dir != "." && dir != "/" && dir != ""; dir = path.Dir(dir) {
		if e, ok := s.sections[dir][name]; ok {
			return e, true
		}
	}
	e, ok := s.byName[name]
	return e, ok
}
