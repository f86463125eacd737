package content

import (
	"strings"

	"github.com/quire-docs/quire/internal/diag"
)

// knownKeys are the front matter keys quire reads, in their canonical
// spelling; they match case-insensitively.
var knownKeys = []string{
	"title", "linkTitle", "description", "weight", "draft", "date",
	"lastmod", "slug", "url", "aliases", "toc", "type", "cascade", "build",
}

// keyAliases are other spellings of known keys, lower case: Hugo reads
// _build as build.
var keyAliases = map[string]string{"_build": "build"}

// hugoKeys are common Hugo keys that quire does not read but keeps in
// Params; they are never reported as typos.
var hugoKeys = map[string]bool{
	"tags": true, "categories": true, "keywords": true, "summary": true,
	"layout": true, "menu": true, "menus": true, "type": true, "author": true,
	"authors": true, "images": true, "series": true, "expirydate": true,
	"publishdate": true, "headless": true, "cascade": true, "outputs": true,
	"translationkey": true, "markup": true, "sitemap": true, "build": true,
}

// canonicalKey returns the canonical spelling of a known key matched
// case-insensitively, or "" if key is not known.
func canonicalKey(key string) string {
	if k, ok := keyAliases[strings.ToLower(key)]; ok {
		return k
	}
	for _, k := range knownKeys {
		if strings.EqualFold(k, key) {
			return k
		}
	}
	return ""
}

// suggestKey returns the known key that key is probably a misspelling of,
// or "" if there is none: within one edit for keys of up to four letters,
// two edits otherwise (edits as in optimal string alignment distance:
// insert, delete, substitute, swap two neighbours). Keys that are known or
// common Hugo keys have no suggestion.
func suggestKey(key string) string {
	lower := strings.ToLower(key)
	if canonicalKey(lower) != "" || hugoKeys[lower] {
		return ""
	}
	return diag.Closest(lower, knownKeys)
}
