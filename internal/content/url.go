package content

import (
	"net/url"
	"path"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/quire-docs/quire/internal/diag"
)

// computeURLs sets RelPermalink and OutPath of sec and every page under it.
// A section's slug renames its directory in the URLs of the pages under it
// too; its url moves only its own page.
func (l *loader) computeURLs(sec *Page) {
	l.urlTree(sec, nil)
}

func (l *loader) urlTree(sec *Page, parentSegs []string) {
	segs := l.setURL(sec, parentSegs)
	if len(l.draftRoots) > 0 {
		if l.segs == nil {
			l.segs = make(map[*Page][]string)
		}
		l.segs[sec] = segs
	}
	dir := sectionDir(sec)
	for _, c := range sec.Children {
		if c.Kind == KindSection {
			l.urlTree(c, l.between(segs, dir, dirOf(sectionDir(c))))
		} else {
			l.setURL(c, l.between(segs, dir, pageDir(c)))
		}
	}
}

// between is segs, the URL segments of the section directory dir, followed
// by those of the directories from dir down to sub, which are not
// sections: a page's URL follows its file's path even where the directory
// is not a section (content/blog/2020/post.md is at /blog/2020/post/).
func (l *loader) between(segs []string, dir, sub string) []string {
	if len(sub) <= len(dir) {
		return segs
	}
	rest := sub
	if dir != "" {
		rest = sub[len(dir)+1:]
	}
	out := segs[:len(segs):len(segs)]
	for _, name := range strings.Split(rest, "/") {
		out = append(out, l.segment(name))
	}
	return out
}

// segment is the URL segment for a file or directory name or a slug:
// spaces become dashes, and letters are lower-cased unless
// Options.KeepCase, as Hugo does.
func (l *loader) segment(name string) string {
	name = strings.ReplaceAll(name, " ", "-")
	if l.opts.KeepCase {
		return name
	}
	return strings.ToLower(name)
}

// setURL gives p its pretty URL: the path of its file within the content
// dir without the extension (a section or leaf bundle: its directory), with
// spaces as dashes and lower-cased (see segment), and a trailing slash; the
// output file is index.html under it. A slug replaces the last segment; a
// url replaces the whole path, as written, and one ending in .html or .xml
// names the output file exactly. On a bad slug or url the page keeps its
// file-based URL. A url, or a slug of a top-level page, whose first
// segment starts with "." is bad unless Options.AllowDotPaths lists it.
//
// OutPath is the path as named (file names, slug and url are taken
// literally, never unescaped); RelPermalink is the same path with each
// segment escaped by url.PathEscape, so it is a valid URL whatever the
// names hold: "a#b.md" is at /a%23b/, "café.md" at /caf%C3%A9/.
//
// parentSegs are the URL segments of the directory p's URL is made under;
// setURL returns p's own (before any url), for its children.
func (l *loader) setURL(p *Page, parentSegs []string) []string {
	last := l.segment(lastSegment(p))
	if p.Slug != "" && last != "" {
		slug := l.segment(strings.Trim(strings.TrimSpace(p.Slug), "/"))
		if slug == "" || slug == "." || slug == ".." || strings.ContainsAny(slug, "/?#") {
			l.badField(p, "slug", "slug %s must be a single URL path segment", quote(p.Slug)).
				WithHint("use url: to change the whole path")
		} else if len(parentSegs) == 0 && l.dotDenied(slug) {
			l.badField(p, "slug", "slug %q would publish the page under %s, a name starting with \".\"", p.Slug, slug).
				WithHint("%s", dotHint)
		} else {
			last = slug
		}
	}
	rel := urlPath(parentSegs, last)
	p.RelPermalink, p.OutPath = escapePath(rel), rel[1:]+"index.html"
	if pattern := l.permalinkPattern(p); pattern != "" && p.URL == "" {
		l.applyPermalink(p, pattern)
	}
	if p.URL != "" {
		l.applyURL(p)
	}
	if last == "" {
		return nil
	}
	return append(parentSegs[:len(parentSegs):len(parentSegs)], last)
}

// urlPath is "/a/b/last/" for segments a, b and last; "/" for home (last "").
func urlPath(parentSegs []string, last string) string {
	if last == "" {
		return "/"
	}
	n := len(last) + 2
	for _, s := range parentSegs {
		n += len(s) + 1
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteByte('/')
	for _, s := range parentSegs {
		b.WriteString(s)
		b.WriteByte('/')
	}
	b.WriteString(last)
	b.WriteByte('/')
	return b.String()
}

// applyURL replaces p's URL with its front matter url.
func (l *loader) applyURL(p *Page) {
	u := strings.TrimSpace(p.URL)
	switch {
	case strings.Contains(u, "://") || strings.HasPrefix(u, "//"):
		l.badField(p, "url", "url %s must be a path within the site, not an address", quote(p.URL)).
			WithHint("write url: /path/ (use aliases for old paths)")
		return
	case strings.ContainsAny(u, "?#"):
		l.badField(p, "url", "url %s must be a path without a query or fragment", quote(p.URL))
		return
	case hasDotDot(u):
		l.badField(p, "url", "url %s must not contain ..", quote(p.URL))
		return
	}
	clean := path.Clean("/" + u)
	if seg := firstSegment(clean); l.dotDenied(seg) {
		l.badField(p, "url", "url %q would publish the page under %s, a name starting with \".\"", p.URL, seg).
			WithHint("%s", dotHint)
		return
	}
	l.setPath(p, clean)
}

// setPath gives p the URL clean, a cleaned absolute path: one ending in
// .html or .xml names the output file exactly; any other is a directory
// with index.html in it.
func (l *loader) setPath(p *Page, clean string) {
	if ext := strings.ToLower(path.Ext(clean)); ext == ".html" || ext == ".xml" {
		p.RelPermalink, p.OutPath = escapePath(clean), clean[1:]
		return
	}
	if clean != "/" {
		clean += "/"
	}
	p.RelPermalink, p.OutPath = escapePath(clean), clean[1:]+"index.html"
}

// escapePath escapes each segment of the slash path p with url.PathEscape:
// everything but ASCII letters, digits and -._~$&+:=@ (non-ASCII letters
// included) is percent-encoded.
func escapePath(p string) string {
	clean := true
	for rest := p; clean && rest != ""; {
		var seg string
		seg, rest, _ = strings.Cut(rest, "/")
		clean = url.PathEscape(seg) == seg
	}
	if clean {
		return p // the usual case, without allocating
	}
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// lastSegment is the last segment of p's file-based URL path: its file
// name without the extension, or for a section or leaf bundle its
// directory's name; "" for home.
func lastSegment(p *Page) string {
	switch {
	case p.Kind == KindHome:
		return ""
	case p.Kind == KindSection:
		return path.Base(sectionDir(p))
	case isBundleIndex(p.Path):
		return path.Base(dirOf(p.Path))
	}
	return baseName(p.Path)
}

func hasDotDot(u string) bool {
	for _, s := range strings.Split(u, "/") {
		if s == ".." {
			return true
		}
	}
	return false
}

// badField reports an error at the value of p's front matter key canon.
func (l *loader) badField(p *Page, canon, format string, args ...any) *diag.Diagnostic {
	pos := l.pos[p][canon]
	d := diag.Errorf(p.File, pos.Line, pos.Col, format, args...)
	l.diags.Add(d)
	return d
}

// collectStatic lists the non-markdown files to copy: a file in a leaf
// bundle goes under its page's output directory (and is left out with its
// page, or when the page sets build publishResources false); any other keeps its content-relative path, its directories
// lower-cased as pages' are (unless Options.KeepCase), unless it is inside
// a draft section that was left out. A file's own name keeps its case.
func (l *loader) collectStatic() {
	published := make(map[*Page]bool, len(l.site.Pages))
	for _, p := range l.site.Pages {
		published[p] = true
	}
	for _, rel := range l.staticFiles {
		out := rel
		if b := l.bundleOf(rel); b != "" {
			page := l.bundles[b]
			if page == nil || !published[page] || page.Build.NoResources {
				continue
			}
			out = path.Join(path.Dir(page.OutPath), strings.TrimPrefix(rel, b+"/"))
		} else if l.underPruned(rel) {
			continue
		} else if d := dirOf(rel); d != "" && !l.opts.KeepCase {
			out = strings.ToLower(d) + rel[len(d):]
		}
		l.site.Static = append(l.site.Static, StaticFile{File: l.file(rel), OutPath: out})
	}
}

// checkCollisions reports pages, and static files, that would be written
// to the same output path as a page, or to one that differs only in case
// (the same file on case-insensitive file systems, as on macOS and
// Windows, and on case-insensitive web hosts) or in Unicode normalisation
// (NFC and NFD: the same file on macOS). The page whose file sorts
// first keeps the path; each other one is an error naming it.
func (l *loader) checkCollisions() {
	keys := make([]string, len(l.site.Pages))
	owner := make(map[string]*Page, len(keys)) // by foldCase(nfc(OutPath))
	for i, p := range l.site.Pages {
		if !p.Writes() {
			continue // no file: build.render link or never
		}
		keys[i] = foldCase(nfc(p.OutPath))
		if first, taken := owner[keys[i]]; !taken || p.File < first.File {
			owner[keys[i]] = p
		}
	}
	for i, p := range l.site.Pages {
		first := owner[keys[i]]
		if first == p || !p.Writes() {
			continue
		}
		pos := l.pos[p]["url"]
		if pos.Line == 0 {
			pos = l.pos[p]["slug"]
		}
		if first.OutPath != p.OutPath && nfc(first.OutPath) == nfc(p.OutPath) {
			l.diags.Add(diag.Errorf(p.File, pos.Line, pos.Col, "URL %s differs only in Unicode normalisation (NFC/NFD) from %s, produced by %s", p.RelPermalink, first.RelPermalink, first.File).
				WithHint("they are one file on macOS and on many web hosts; rename one, or save both names in the same form"))
			continue
		}
		if first.OutPath != p.OutPath {
			l.diags.Add(diag.Errorf(p.File, pos.Line, pos.Col, "URL %s differs only in case from %s, produced by %s", p.RelPermalink, first.RelPermalink, first.File).
				WithHint("they collide on case-insensitive file systems and web hosts; rename one, or give it a different slug or url"))
			continue
		}
		d := diag.Errorf(p.File, pos.Line, pos.Col, "URL %s is also produced by %s", p.RelPermalink, first.File)
		if pattern := l.patterns[p]; pattern != "" {
			d.WithHint("the URL comes from the [permalinks] pattern %q; add a token that tells the pages apart, such as :slug, or give one a url", pattern)
		} else {
			d.WithHint("give one of them a different slug or url")
		}
		l.diags.Add(d)
	}
	for _, s := range l.site.Static {
		p, taken := owner[foldCase(nfc(s.OutPath))]
		switch {
		case !taken:
		case p.OutPath != s.OutPath && nfc(p.OutPath) == nfc(s.OutPath):
			l.diags.Add(diag.Errorf(s.File, 0, 0, "file %s differs only in Unicode normalisation (NFC/NFD) from %s, produced by %s", s.OutPath, p.OutPath, p.File).
				WithHint("they are one file on macOS and on many web hosts; rename one, or save both names in the same form"))
		case p.OutPath != s.OutPath:
			l.diags.Add(diag.Errorf(s.File, 0, 0, "file %s differs only in case from %s, produced by %s", s.OutPath, p.OutPath, p.File).
				WithHint("they collide on case-insensitive file systems and web hosts; rename one"))
		default:
			l.diags.Add(diag.Errorf(s.File, 0, 0, "file %s is also produced by %s", s.OutPath, p.File))
		}
	}
}

// nfc returns p in Unicode normalisation form C; ASCII is returned as it is.
func nfc(p string) string {
	for i := 0; i < len(p); i++ {
		if p[i] >= utf8.RuneSelf {
			return norm.NFC.String(p)
		}
	}
	return p
}

// foldCase maps paths that differ only in case to one key. Lower of upper
// also folds letters with more than one lower-case form (ſ, ς).
func foldCase(p string) string {
	for i := 0; i < len(p); i++ {
		if p[i] >= utf8.RuneSelf {
			return strings.ToLower(strings.ToUpper(p))
		}
	}
	return strings.ToLower(p) // the same for ASCII, and without allocating when p is lower case
}
