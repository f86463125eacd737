package publish

import "testing"

// TestAliasPath: aliases become the paths of their redirect pages; URLs,
// parent segments and empty paths are refused.
func TestAliasPath(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		alias, want string
		ok          bool
	}{
		{"/old/", "old/index.html", true},
		{"old", "old/index.html", true},
		{"/old/page.html", "old/page.html", true},
		{"/old/page.htm", "old/page.htm", true},
		{"/old/?q=1#x", "old/index.html", true},
		{"/a//b/", "a/b/index.html", true},
		{"https://example.org/x/", "", false},
		{"/../x/", "", false},
		{`\x`, "", false},
		{"/", "", false},
		{"", "", false},
	} {
		got, ok := AliasPath(tc.alias)
		if got != tc.want || ok != tc.ok {
			t.Errorf("AliasPath(%q) = %q, %v, want %q, %v", tc.alias, got, ok, tc.want, tc.ok)
		}
	}
}
