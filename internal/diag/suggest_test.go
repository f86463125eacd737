package diag

import "testing"

func TestClosest(t *testing.T) {
	t.Parallel()
	keys := []string{"title", "linkTitle", "weight", "draft", "url", "toc", "build", "new", "version"}
	for _, tc := range []struct{ word, want string }{
		{"wieght", "weight"}, // swap
		{"titel", "title"},   // swap
		{"drafts", "draft"},  // insert
		{"Weight", "weight"}, // case
		{"linktitel", "linkTitle"},
		{"biuld", "build"},
		{"tag", ""}, // short words allow one edit only: tag→toc is two
		{"tags", ""},
		{"colour", ""},
		{"", ""},
	} {
		if got := Closest(tc.word, keys); got != tc.want {
			t.Errorf("Closest(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"a", "", 1}, {"abc", "abc", 0}, {"ab", "ba", 1},
		{"kitten", "sitting", 3}, {"café", "cafe", 1},
	} {
		if got := EditDistance(tc.a, tc.b, 10); got != tc.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
	if got := EditDistance("aaaaaaaa", "b", 3); got != 3 {
		t.Errorf("EditDistance capped = %d, want 3", got)
	}
}
