// Package search builds the client-side search index of a site.
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
}

// Version is the index format's version, the first field of the index.
const Version = 1

// MaxText is the most bytes of text kept per section (cut at a character
// boundary). It bounds the index of a site with very long pages; words past
// it are not found.
const MaxText = 4000

// Index returns the index of pages as compact JSON, in the order given:
//
//	{"v":1,"p":[[URL,TITLE],…],"s":[[PAGE,ID,HEADING,TEXT],…]}
//
// "p" lists the pages; "s" lists sections, each naming its page by index
// into "p", the heading's id ("" for the text before the first heading,
// which links to the page itself), the heading's text and the section's
// text. Sections with neither heading nor text are left out. The theme's
// search script (js/quire.js) reads this format; the output is
// deterministic.
func Index(pages []Page) []byte {
	es := make([]Entry, len(pages))
	for i, p := range pages {
		es[i] = Encode(p)
	}
	return Join(es, itoa)
}

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
