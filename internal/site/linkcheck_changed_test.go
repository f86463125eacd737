package site

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/quire-docs/quire/internal/linkcheck"
)

// changedSite cites SRV's /a from page a and /issue/7 from a shortcode
// page a calls, /b from page b (which also links to an anchor page a no
// longer has), /footer from a partial and /param from a template
// expression.
const changedSite = `-- config.toml --
[params]
srv = "SRV"
-- layouts/partials/footer.html --
<footer><a href="SRV/footer">Footer</a> <a href="{{ site.Params.srv }}/param">Param</a></footer>
-- layouts/shortcodes/issue.html --
<a href="{{ site.Params.srv }}/issue/{{ .Get 0 }}">issue {{ .Get 0 }}</a>
-- content/a.md --
---
title: A
---
[A](SRV/a), {{< issue 7 >}}
-- content/b.md --
---
title: B
---
[B](SRV/b) and [a's old section](a.md#removed)
`

// requestLog serves 200 to every path on 127.0.0.1 and remembers which
// were requested.
type requestLog struct {
	mu    sync.Mutex
	paths []string
}

func (l *requestLog) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !slices.Contains(l.paths, r.URL.Path) {
		l.paths = append(l.paths, r.URL.Path)
	}
}

func (l *requestLog) sorted() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	slices.Sort(l.paths)
	return slices.Clone(l.paths)
}

func TestChangedSinceRequestsOnlyChangedFilesLinks(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		files   []string
		layouts bool
		want    []string
	}{
		// The template expression's link may be any page's: it is
		// requested with the links of any changed page.
		{"ChangedPage", []string{"content/a.md"}, false, []string{"/a", "/issue/7", "/param"}},
		{"ChangedPartial", []string{"layouts/partials/footer.html"}, true, []string{"/footer", "/issue/7", "/param"}},
		{"ChangedShortcode", []string{"layouts/shortcodes/issue.html"}, true, []string{"/footer", "/issue/7", "/param"}},
		{"ChangedConfig", []string{"config.toml"}, true, []string{"/footer", "/issue/7", "/param"}},
		{"DeletedPage", []string{"content/other.md"}, false, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			log := &requestLog{}
			srv := httptest.NewServer(log)
			defer srv.Close()
			s, err := buildTxtar(t, strings.ReplaceAll(changedSite, "SRV", srv.URL), Options{Links: LinksQuiet})
			if err != nil {
				t.Fatal(err)
			}
			// Internal links and anchors are checked everywhere: page b's
			// link to the anchor page a lost is broken whatever changed.
			if len(s.BrokenLinks) != 1 || !strings.Contains(s.BrokenLinks[0].URL, "#removed") {
				t.Errorf("broken internal links = %+v, want b's link to a#removed", s.BrokenLinks)
			}
			all := s.Links.External(context.Background())
			keep, skipped := linkcheck.Changed{Files: tc.files, ContentDir: "content", Layouts: tc.layouts}.Split(all)
			linkcheck.NewChecker(linkcheck.ExternalOptions{}).Check(context.Background(), keep)
			if got := log.sorted(); !slices.Equal(got, tc.want) {
				t.Errorf("requested %q, want %q", got, tc.want)
			}
			if skipped != len(all)-len(tc.want) {
				t.Errorf("skipped %d of %d, want %d", skipped, len(all), len(all)-len(tc.want))
			}
		})
	}
}
