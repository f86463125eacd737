package render

import (
	"net/url"
	"path"
	"strings"

	"github.com/quire-docs/quire/internal/content"
)

// Links resolves link destinations written in markdown to output URLs,
// so the same links work on GitHub (relative to the source file) and on
// the site: "../upgrade.md#rollback", "diagram.png", "./sub/_index.md",
// "/faq/security/".
type Links struct {
	base  string         // path of baseURL: "/" or "/docs/"
	ix    *content.Index // pages and static files by content path
	byURL map[string]bool
}

// NewLinks indexes the pages and static files of tree, and the output
// paths of the other files published as they are (Hugo's static
// directories: "img/a.png"), for a site served under base ("/" or
// "/docs/").
func NewLinks(tree *content.Site, base string, files ...string) *Links {
	ix := &Links{base: base, ix: content.NewIndex(tree), byURL: map[string]bool{}}
	for _, p := range tree.Pages {
		if p.HasURL() {
			ix.byURL[p.RelPermalink] = true
		}
	}
	for _, sf := range tree.Static {
		ix.byURL["/"+content.EscapePath(sf.OutPath)] = true
	}
	for _, f := range files {
		ix.byURL["/"+content.EscapePath(f)] = true
	}
	return ix
}

// Index is the lookup of pages and files by content path.
func (ix *Links) Index() *content.Index { return ix.ix }

// Base is the path of baseURL the links are resolved for.
func (ix *Links) Base() string { return ix.base }

// RelURL prefixes a site-root path ("/faq/") with the path of baseURL.
func (ix *Links) RelURL(p string) string { return RelURL(ix.base, p) }

// Resolve returns the URL for dest as written on page p, and false when
// dest should stay as written: external and fragment-only links, links it
// cannot place (the link checker reports those), and relative links that
// already work from the page's URL. A relative dest is read in this order;
// the first reading that finds a target wins:
//
//  1. as a content path from the page's file, as GitHub reads it: a file
//     ("../upgrade.md", "diagram.png") or the directory of a section or
//     leaf bundle ("sub/"), case and all;
//  2. as a markdown file from the page's URL, as Hugo reads "../upgrade.md"
//     on /faq/install/ (that is faq/upgrade.md);
//  3. as a URL from the page's URL: a link to a page or file that is there
//     stays as written;
//  4. as Hugo's link render hook reads it, with .Page.GetPage: a page path
//     from the page's directory, then from the content root, in any form
//     and case ("../tasks/foo/", "install"; see content.Index.GetPage).
//
// A dest from the site root ("/faq/upgrade.md", "/faq/") is read as a
// content path (1), then as a URL. A dest that none of these place but
// that names a draft left out of the build as a content path (1) gets the
// URL the draft would have, for the link check to report.
func (ix *Links) Resolve(p *content.Page, dest string) (string, bool) {
	if dest == "" || dest[0] == '#' {
		return "", false
	}
	if u, err := url.Parse(dest); err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(dest, "//") {
		return "", false
	}
	target, rest := dest, ""
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		target, rest = dest[:i], dest[i:]
	}
	if t, err := url.PathUnescape(target); err == nil {
		target = t
	}
	if strings.HasPrefix(target, "/") {
		if u, ok := ix.lookup(strings.TrimPrefix(target, "/")); ok {
			return ix.out(u, rest), true
		}
		if ix.exists(target) {
			return ix.out(content.EscapePath(target), rest), true
		}
		return ix.draft(strings.TrimPrefix(target, "/"), rest)
	}
	// 1. From the page's file.
	dir := path.Dir(p.Path)
	if p.Kind != content.KindPage {
		dir = p.Dir()
	}
	if src := path.Join(dir, target); src != ".." && !strings.HasPrefix(src, "../") {
		if u, ok := ix.lookup(src); ok {
			return ix.out(u, rest), true
		}
	}
	// 2 and 3. From the page's URL.
	urlDir := p.RelPermalink
	if !strings.HasSuffix(urlDir, "/") {
		urlDir = path.Dir(urlDir)
	}
	if byURL := path.Join(urlDir, target); strings.HasPrefix(byURL, "/") {
		if u, ok := ix.lookup(strings.TrimPrefix(byURL, "/")); ok && strings.HasSuffix(target, ".md") {
			return ix.out(u, rest), true
		}
		if ix.exists(byURL) {
			return "", false
		}
	}
	// 4. As .Page.GetPage reads it.
	if q, _ := ix.ix.GetPage(p, target); q != nil {
		return ix.out(q.RelPermalink, rest), true
	}
	return ix.draft(path.Join(dir, target), rest)
}

// draft returns the URL a draft left out of the build would have, when
// the content path src names one, so the link checker reports the link
// as one to a draft (content.Site.Unpublished).
func (ix *Links) draft(src, rest string) (string, bool) {
	if t, ok := ix.ix.DraftSource(src); ok && t.URL != "" {
		return ix.out(t.URL, rest), true
	}
	return "", false
}

// exists reports whether a site-root path, unescaped, is the URL of a page
// or a file, with or without its trailing slash.
func (ix *Links) exists(u string) bool {
	e := content.EscapePath(u)
	return ix.byURL[e] || ix.byURL[e+"/"]
}

// lookup finds a content-relative source path ("faq/a.md", "faq/_index.md",
// "faq", "faq/img.png"); "." is the content root.
func (ix *Links) lookup(src string) (string, bool) {
	t, ok := ix.ix.Source(src)
	return t.URL, ok
}

// out prefixes a site-root URL with the base path and appends rest
// ("?q" or "#frag").
func (ix *Links) out(u, rest string) string {
	return ix.base + strings.TrimPrefix(u, "/") + rest
}
