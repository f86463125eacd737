package linkcheck

import (
	"path"
	"strings"
)

// Changed picks the external links a check requests when only some files
// of the site changed (quire linkcheck --changed-since): the links cited
// by a changed file, that is, written in it (a link's sources: a page's
// markdown, a layout, a static HTML file) or in the HTML of a changed
// page (a link its shortcode or a template expression wrote, which is
// traced to a layout without a position), but for links a layout writes
// as they are (a footer's). The links of an unchanged page are left alone;
// internal links and anchors are checked everywhere whatever changed, so
// a changed page that drops an anchor others link to is reported at
// those links.
type Changed struct {
	// Files are the changed files, slash paths relative to the site
	// root ("content/faq/a.md", "layouts/partials/footer.html").
	Files []string
	// ContentDir is the site's content directory ("content"), where
	// pages' own files are.
	ContentDir string
	// Layouts is set when a file any layout may read changed (a layout,
	// partial or shortcode, config.toml, a data file). Which layout wrote
	// a link is not always known (a link built by a template expression
	// is traced to the page's main template), so then every link cited
	// by a file outside ContentDir is requested.
	Layouts bool
}

// Split returns the results cited by a changed file, in order, and how
// many others it left out.
func (c Changed) Split(rs []Result) (keep []Result, skipped int) {
	files := make(map[string]bool, len(c.Files))
	for _, f := range c.Files {
		files[f] = true
	}
	for _, r := range rs {
		if c.cited(r, files) {
			keep = append(keep, r)
		} else {
			skipped++
		}
	}
	return keep, skipped
}

func (c Changed) cited(r Result, files map[string]bool) bool {
	for _, s := range r.Sources {
		if files[s.File] || c.Layouts && !c.inContent(s.File) {
			return true
		}
	}
	for _, f := range r.in {
		if files[f] && !c.layoutWritten(r) {
			return true
		}
	}
	return false
}

// layoutWritten reports whether r is written as it is in layouts only (a
// footer's link, at a line of the partial): it is the layouts', not that
// of every page they render, and is requested when a layout changes.
func (c Changed) layoutWritten(r Result) bool {
	for _, s := range r.Sources {
		if c.inContent(s.File) || s.Line == 0 {
			return false
		}
	}
	return len(r.Sources) > 0
}

func (c Changed) inContent(file string) bool {
	dir := path.Clean("/" + c.ContentDir)[1:]
	if dir == "" {
		dir = "content"
	}
	return strings.HasPrefix(file, dir+"/")
}
