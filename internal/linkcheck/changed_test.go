package linkcheck

import (
	"slices"
	"testing"
)

func TestChangedSplit(t *testing.T) {
	t.Parallel()
	rs := []Result{
		{URL: "https://a.example/", Sources: []Source{{File: "content/a.md", Line: 3}}},
		{URL: "https://b.example/", Sources: []Source{{File: "content/b.md", Line: 3}}},
		{URL: "https://both.example/", Sources: []Source{{File: "content/b.md"}, {File: "content/c.md"}}},
		{URL: "https://footer.example/", Sources: []Source{{File: "layouts/partials/footer.html", Line: 2}}, in: []string{"content/a.md", "content/b.md"}},
		{URL: "https://theme.example/", Sources: []Source{{File: "theme/layouts/_default/baseof.html"}}, in: []string{"content/b.md"}},
		{URL: "https://static.example/", Sources: []Source{{File: "static/old.html"}}},
	}
	for _, tc := range []struct {
		name    string
		changed Changed
		want    []string
	}{
		{"NothingChangedRequestsNothing", Changed{}, nil},
		{"ChangedPageRequestsItsLinks", Changed{Files: []string{"content/a.md"}}, []string{"https://a.example/"}},
		{"ChangedPageRequestsLinksItsTemplatesWrote", Changed{Files: []string{"content/b.md"}},
			[]string{"https://b.example/", "https://both.example/", "https://theme.example/"}},
		{"LinkCitedByAChangedAndAnUnchangedPage", Changed{Files: []string{"content/c.md"}}, []string{"https://both.example/"}},
		{"DeletedPageRequestsNothing", Changed{Files: []string{"content/gone.md"}}, nil},
		{"ChangedLayoutRequestsEveryLinkLayoutsCite", Changed{Files: []string{"layouts/shortcodes/x.html"}, Layouts: true},
			[]string{"https://footer.example/", "https://theme.example/", "https://static.example/"}},
		{"ChangedLayoutAndPage", Changed{Files: []string{"config.toml", "content/b.md"}, Layouts: true},
			[]string{"https://b.example/", "https://both.example/", "https://footer.example/", "https://theme.example/", "https://static.example/"}},
		{"ChangedStaticHTMLRequestsItsLinks", Changed{Files: []string{"static/old.html"}}, []string{"https://static.example/"}},
		{"OtherContentDir", Changed{Files: []string{"layouts/x.html"}, ContentDir: "docs", Layouts: true},
			[]string{"https://a.example/", "https://b.example/", "https://both.example/", "https://footer.example/", "https://theme.example/", "https://static.example/"}},
		{"ContentDirWithDotSlash", Changed{Files: []string{"layouts/x.html"}, ContentDir: "./content/", Layouts: true},
			[]string{"https://footer.example/", "https://theme.example/", "https://static.example/"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			keep, skipped := tc.changed.Split(rs)
			var got []string
			for _, r := range keep {
				got = append(got, r.URL)
			}
			if !slices.Equal(got, tc.want) || skipped != len(rs)-len(tc.want) {
				t.Errorf("Split = %q, %d skipped; want %q, %d skipped", got, skipped, tc.want, len(rs)-len(tc.want))
			}
		})
	}
}
