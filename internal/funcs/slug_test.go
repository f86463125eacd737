package funcs

import (
	"testing"

	"github.com/quire-docs/quire/internal/markdown"
)

// TestSlugMatchesMarkdown: anchorize gives the ids quire's markdown gives
// headings (markdown.Slug), so {{ anchorize .Title }} links to a heading.
func TestSlugMatchesMarkdown(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"This is a title", "Hugo: A Fast & Flexible Static Site Generator", "Héllo Wörld", "snake_case and-dash",
		"?!", "Ünïcödé 123", "tab\there", "中文 标题", "emoji 🎉 here", "  spaces  ",
	} {
		if got, want := slug(s), markdown.Slug(s); got != want {
			t.Errorf("slug(%q) = %q, markdown.Slug = %q", s, got, want)
		}
	}
}

func FuzzSlugMatchesMarkdown(f *testing.F) {
	f.Add("Hugo: A Fast & Flexible")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := slug(s), markdown.Slug(s); got != want {
			t.Fatalf("slug(%q) = %q, markdown.Slug = %q", s, got, want)
		}
	})
}
