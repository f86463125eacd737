package search

import (
	"slices"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/publish"
)

func TestPageOfExclusion(t *testing.T) {
	t.Parallel()
	for name, c := range map[string]struct {
		params map[string]any
		want   bool
	}{
		"NoParamsIndexed":       {nil, false},
		"NoindexTrueExcluded":   {map[string]any{"noindex": true}, true},
		"ExcludeSearchExcluded": {map[string]any{"exclude_search": true}, true},
		"StringTrueExcluded":    {map[string]any{"noindex": " True "}, true},
		"FalseIndexed":          {map[string]any{"noindex": false, "exclude_search": "false"}, false},
		"OtherStringIndexed":    {map[string]any{"noindex": "yes"}, false},
		"NumberIndexed":         {map[string]any{"noindex": 1}, false},
		"UnrelatedParamIndexed": {map[string]any{"draft": true}, false},
	} {
		v := &layout.Page{RelPermalink: "/a/", Title: "A", Params: c.params}
		if got := PageOf(v, nil); got.Exclude != c.want || got.URL != "/a/" || got.Title != "A" {
			t.Errorf("%s: PageOf = %+v, want Exclude %v", name, got, c.want)
		}
	}
}

func TestPageOfUnindexedExcluded(t *testing.T) {
	t.Parallel()
	v := &layout.Page{RelPermalink: "/api/", Title: "API", Unindexed: true}
	if got := PageOf(v, nil); !got.Exclude {
		t.Errorf("PageOf(page with build options leaving it out) = %+v, want Exclude", got)
	}
}

// TestFiles: the index's files are sorted by path, the manifest among
// them, each owned by IsIndexFile and from "the search index".
func TestFiles(t *testing.T) {
	t.Parallel()
	files := Files((*Memo)(nil).Encode(NewEncoder("en"), sitePages(30)), "en")
	if !slices.IsSortedFunc(files, func(a, b publish.File) int { return strings.Compare(a.Path, b.Path) }) {
		t.Error("files not sorted by path")
	}
	if !slices.ContainsFunc(files, func(f publish.File) bool { return f.Path == IndexPath }) || len(files) < 2 {
		t.Errorf("files lack the manifest or its shards: %d files", len(files))
	}
	for _, f := range files {
		if !IsIndexFile(f.Path) || f.Source != "the search index" {
			t.Errorf("%s: IsIndexFile false or Source %q", f.Path, f.Source)
		}
	}
	if IsIndexFile("docs/search/index.html") || IsIndexFile("index.json") {
		t.Error("IsIndexFile owns a page's file")
	}
}
