package content

import "testing"

func TestTitleFromFile(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, rel, want string }{
		{"PageFromFileName", "faq/my-question.md", "My question"},
		{"SectionFromFolder", "guide/_index.md", "Guide"},
		{"SectionWithDashes", "docs/getting-started/_index.md", "Getting started"},
		{"LeafBundleFromFolder", "blog/first_post/index.md", "First post"},
		{"Home", "_index.md", "Home"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := TitleFromFile(tc.rel); got != tc.want {
				t.Errorf("TitleFromFile(%q) = %q, want %q", tc.rel, got, tc.want)
			}
		})
	}
}
