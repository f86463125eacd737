package content

import (
	"strings"
	"testing"
)

// TestDotPathsAreRefused: a url, a top-level slug or an alias whose path
// starts with a name starting with "." is an error at its front matter
// key, unless Options.AllowDotPaths lists the name.
func TestDotPathsAreRefused(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		file  string // content/NAME
		front string
		allow []string
		want  string // the whole error; "" for none
	}{
		{"AliasIntoGit", "evil.md", "aliases: [\"/.git/\"]", nil,
			`content/evil.md:3:10: alias "/.git/" would be published under .git`},
		{"URLIntoGit", "evil.md", "url: /.git/x.html", nil,
			`content/evil.md:3:6: url "/.git/x.html" would publish the page under .git`},
		{"URLWithoutSlash", "evil.md", "url: .nojekyll/", nil,
			`content/evil.md:3:6: url ".nojekyll/" would publish the page under .nojekyll`},
		{"TopLevelSlug", "evil.md", "slug: .git", nil,
			`content/evil.md:3:7: slug ".git" would publish the page under .git`},
		{"SectionSlug", "sec/_index.md", "slug: .well-known", nil,
			`content/sec/_index.md:3:7: slug ".well-known" would publish the page under .well-known`},
		{"AliasWithQuery", "evil.md", "aliases: [\"/.well-known/x?y=1\"]", nil,
			`content/evil.md:3:10: alias "/.well-known/x?y=1" would be published under .well-known`},
		{"NestedSlugIsFine", "faq/a.md", "slug: .hidden", nil, ""},
		{"AllowedURL", "sec.md", "url: /.well-known/security.html", []string{".well-known"}, ""},
		{"AllowedAlias", "sec.md", "aliases: [/.well-known/old/]", []string{".well-known"}, ""},
		{"AllowedIsExact", "evil.md", "url: /.git/x.html", []string{".well-known"},
			`content/evil.md:3:6: url "/.git/x.html" would publish the page under .git`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := loadTxtarOpts(t, "-- content/"+tc.file+" --\n---\ntitle: X\n"+tc.front+"\n---\n",
				Options{Dir: "content", AllowDotPaths: tc.allow})
			if tc.want == "" {
				if r.err != nil {
					t.Errorf("Load: %v, want no error", r.err)
				}
				return
			}
			if r.err == nil || !strings.HasPrefix(r.err.Error(), tc.want) {
				t.Errorf("Load error = %v, want %q", r.err, tc.want)
			}
			if r.err != nil && !strings.Contains(r.err.Error(), "list the name in [publish] allowDotPaths") {
				t.Errorf("Load error = %v, want the allowDotPaths hint", r.err)
			}
		})
	}
}
