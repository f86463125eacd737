package linkcheck

import (
	"context"
	"reflect"
	"testing"

	"github.com/quire-docs/quire/internal/publish"
)

// TestElsewhere: a link to a path served by other means (a page with
// Hugo's build render link) stands, fragment and all; once the path is
// no longer served elsewhere, the link is broken again, through a Memo
// too.
func TestElsewhere(t *testing.T) {
	t.Parallel()
	files := []publish.File{{Path: "index.html", Data: []byte(`<a href="/api/">api</a><a href="/api/#x">x</a><a href="/gone/">gone</a>`), Source: "index"}}
	memo := NewMemo()
	parsed := map[string]*Parsed{"index.html": Parse(files[0].Data)} // so the memo may reuse the check
	check := func(name string, elsewhere []string, want ...string) {
		t.Helper()
		for _, m := range []*Memo{nil, memo} {
			opts := Options{BaseURL: "/", Elsewhere: elsewhere, Memo: m}
			if m != nil {
				opts.Parsed = parsed
			}
			l := Collect(context.Background(), files, nil, opts)
			var got []string
			for _, r := range l.Broken(context.Background()) {
				got = append(got, r.URL)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s (memo %v): broken %q, want %q", name, m != nil, got, want)
			}
		}
	}
	check("ServedElsewhereStands", []string{"api/index.html"}, "/gone/")
	check("NoLongerServedIsBroken", nil, "/api/", "/api/#x", "/gone/")
	check("ServedAgainStands", []string{"api/index.html", "gone/index.html"})
}
