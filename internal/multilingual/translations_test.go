package multilingual

import (
	"testing"

	"github.com/quire-docs/quire/internal/content"
)

// TestTranslationKey: a page's versions share a key by translationKey,
// else by kind and path, whether a page is a file or a bundle.
func TestTranslationKey(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		page *content.Page
		want string
	}{
		{&content.Page{Kind: content.KindPage, Path: "docs/guide.md"}, "page:docs/guide"},
		{&content.Page{Kind: content.KindPage, Path: "docs/guide/index.md"}, "page:docs/guide"},
		{&content.Page{Kind: content.KindSection, Path: "docs/_index.md"}, "section:docs"},
		{&content.Page{Kind: content.KindSection, Path: "docs/v1/"}, "section:docs/v1"}, // a section without _index.md
		{&content.Page{Kind: content.KindHome, Path: "_index.md"}, "section:"},
		{&content.Page{Kind: content.KindPage, Path: "docs/anders.md", Params: map[string]any{"translationkey": "k1"}}, "key:k1"},
		{&content.Page{Kind: content.KindPage, Path: "docs/a.md", Params: map[string]any{"translationkey": ""}}, "page:docs/a"},
	} {
		if got := translationKey(tc.page); got != tc.want {
			t.Errorf("translationKey(%s) = %q, want %q", tc.page.Path, got, tc.want)
		}
	}
}
