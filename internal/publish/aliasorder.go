package publish

import (
	"path"
	"strings"
)

// aliasOrder compares two pages, by their source paths, in the order Hugo
// writes their aliases: it walks its page tree in the order of the pages'
// paths (without extension, a bundle's or section's index file standing
// for its directory, in lower case) and writes each page's aliases, so
// that of two pages with one alias, the redirect Hugo publishes is the one
// of the page that comes last. Pages with one path compare by source.
//
// This is the order of today's Hugo (renderAliases in
// hugolib/site_render.go walks its page tree). Hugo 0.111, Debian 12's,
// walked regular pages before sections and compared file names with their
// extension, so it may pick the other page.
func aliasOrder(a, b string) int {
	if c := strings.Compare(pageKey(a), pageKey(b)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// pageKey is the path of the page of source in Hugo's page tree:
// "content/docs/_index.md" and "content/docs/index.md" are "content/docs",
// "content/docs/Setup.md" is "content/docs/setup".
func pageKey(source string) string {
	k := source
	if ext := path.Ext(k); ext == ".md" || ext == ".markdown" {
		k = strings.TrimSuffix(k, ext)
	}
	if base := path.Base(k); base == "index" || base == "_index" {
		k = path.Dir(k)
	}
	return strings.ToLower(k)
}
