package content

import (
	"errors"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/diag"
)

// TestPageErrors: an error met on several pages is reported once, at
// the first page, naming how many others had it; a page without a file
// is named by its URL.
func TestPageErrors(t *testing.T) {
	t.Parallel()
	s := &Site{Pages: []*Page{
		{File: "content/a.md"},
		{Virtual: true, RelPermalink: "/tags/"},
		{File: "content/c.md"},
		{File: "content/d.md"},
	}}
	broken := diag.Errorf("layouts/partials/nav.html", 3, 4, "executing: nil pointer")
	ds := s.PageErrors([]error{broken, broken, nil, errors.New("other")})
	var got []string
	for _, d := range ds {
		got = append(got, d.Error())
	}
	if len(ds) != 2 || !strings.Contains(got[0], "(rendering content/a.md and 1 other page)") || ds[1].File != "content/d.md" {
		t.Errorf("PageErrors = %q", got)
	}
	if n := s.Pages[1].Name(); n != "/tags/" {
		t.Errorf("a virtual page's Name = %q, want its URL", n)
	}
	if n := s.Pages[0].Name(); n != "content/a.md" {
		t.Errorf("Name = %q, want its file", n)
	}
}
