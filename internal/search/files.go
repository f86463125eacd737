package search

import (
	"slices"
	"strings"

	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/outline"
	"github.com/quire-docs/quire/internal/publish"
)

// IndexPath is where the index's manifest is written, under the base
// path; the theme's search script fetches it from there.
const IndexPath = "search-index.json"

// PageOf is what the index takes of page v with sections secs (from
// outline.Parse of its body). Front matter noindex or exclude_search set
// to true (or "true") leaves the page out, as do build options that keep
// it from being written or listed site-wide (v.Unindexed).
func PageOf(v *layout.Page, secs []outline.Section) Page {
	return Page{URL: v.RelPermalink, Title: v.Title, Sections: secs,
		Exclude: v.Unindexed || truthy(v.Params["noindex"]) || truthy(v.Params["exclude_search"])}
}

// truthy reports whether a front matter value is true or "true".
func truthy(v any) bool {
	switch v := v.(type) {
	case bool:
		return v
	case string:
		return strings.EqualFold(strings.TrimSpace(v), "true")
	}
	return false
}

// Source is the Source of every file of the index, for messages.
const Source = "the search index"

// Files are the files of the index joined from es in language lang: the
// manifest at IndexPath and the shards, page tables and fragments under
// Dir, sorted by path, with Source "the search index".
func Files(es []Entry, lang string) []publish.File {
	ix := Join(es, lang)
	files := make([]publish.File, 0, len(ix.Files)+1)
	files = append(files, publish.File{Path: IndexPath, Data: ix.Manifest, Source: Source})
	for _, f := range ix.Files {
		files = append(files, publish.File{Path: f.Path, Data: f.Data, Source: Source})
	}
	slices.SortFunc(files, func(a, c publish.File) int { return strings.Compare(a.Path, c.Path) })
	return files
}

// IsIndexFile reports whether path is one of the files Files returns.
func IsIndexFile(path string) bool {
	return path == IndexPath || strings.HasPrefix(path, Dir)
}
