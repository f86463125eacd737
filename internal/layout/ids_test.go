package layout

import (
	"bytes"
	"regexp"
	"slices"
	"testing"

	"github.com/quire-docs/quire/internal/toc"
)

// tagRE matches a start tag; idRE an id attribute inside one, quoted or not.
var (
	tagRE = regexp.MustCompile(`<[a-zA-Z][^>]*>`)
	idRE  = regexp.MustCompile(`\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`)
)

// ids returns the id attribute values of the start tags in html.
func ids(html string) []string {
	var out []string
	for _, tag := range tagRE.FindAllString(html, -1) {
		for _, m := range idRE.FindAllStringSubmatch(tag, -1) {
			out = append(out, m[1]+m[2]+m[3])
		}
	}
	return out
}

// TestReservedIDs renders every fixture page and the 404 page with the
// embedded theme, without markdown content or TOC, so every id in the
// output comes from the theme: each must be reserved, and each reserved id
// must be on every page.
func TestReservedIDs(t *testing.T) {
	t.Parallel()
	tm := mustNew(t, nil)
	pages := fixture()
	for _, p := range pages {
		p.Content, p.TableOfContents, p.TOC = "", "", &toc.TOC{}
	}
	out := map[string]string{}
	for name, p := range pages {
		out[name] = render(t, tm, p)
	}
	var buf bytes.Buffer
	if err := tm.NotFound(&buf, pages["home"].Site); err != nil {
		t.Fatal(err)
	}
	out["404"] = buf.String()

	reserved := ReservedIDs()
	for name, html := range out {
		got := ids(html)
		for _, id := range got {
			if !slices.Contains(reserved, id) {
				t.Errorf("%s: theme puts id %q on the page, not in ReservedIDs() = %q", name, id, reserved)
			}
		}
		for _, id := range reserved {
			if !slices.Contains(got, id) {
				t.Errorf("%s: reserved id %q is not on the page (ids %q)", name, id, got)
			}
		}
	}
	if got := ids(`<p id="a" class=x><a data-id="no" id=b><i id='c'>`); !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Errorf("ids = %q, want [a b c]", got)
	}
}
