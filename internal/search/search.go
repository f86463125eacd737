// Package search builds the client-side search index of a site: a small
// manifest, term shards fetched for the words of a query, and one fragment
// per page fetched for the results shown.
package search

import (
	"unicode/utf8"

	"github.com/quire-docs/quire/internal/outline"
)

// Page is one page of the index.
type Page struct {
	URL      string // root-relative, with the base path: "/docs/setup/"
	Title    string
	Sections []outline.Section // from outline.Parse of the page body
	Exclude  bool              // left out (front matter noindex or exclude_search)
}

// Version is the index format's version, the manifest's "v".
const Version = 2

// MaxText is the most bytes of text kept per section (cut at a character
// boundary). It bounds the index of a site with very long pages; words past
// it are not found.
const MaxText = 4000

// Dir is the directory, next to the manifest, that holds the shards, page
// tables and fragments.
const Dir = "search/"

// cut returns at most n bytes of s, ending at a character boundary.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
