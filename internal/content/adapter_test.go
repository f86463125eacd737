package content

import (
	"strings"
	"testing"
)

// TestContentAdapterNotPublished: Hugo's content adapter (_content.gotmpl,
// Hugo 0.126+) is a template that adds pages, not a file of the site.
// quire does not run it: it is neither published nor silent, in any
// folder, and a file of another name is still copied.
func TestContentAdapterNotPublished(t *testing.T) {
	t.Parallel()
	r := mustLoad(t, "-- content/_index.md --\n---\ntitle: Home\n---\n"+
		"-- content/_content.gotmpl --\n{{ $.AddPage (dict \"path\" \"a\") }}\n"+
		"-- content/docs/_index.md --\n---\ntitle: Docs\n---\n"+
		"-- content/docs/_content.gotmpl --\n{{ $.AddPage (dict \"path\" \"b\") }}\n"+
		"-- content/docs/notes.gotmpl --\nnot an adapter\n")
	var static []string
	for _, s := range r.site.Static {
		static = append(static, s.File)
	}
	if got, want := strings.Join(static, " "), "content/docs/notes.gotmpl"; got != want {
		t.Errorf("static files = %q, want %q", got, want)
	}
	got := strings.Join(diagLines(r.warns), "\n")
	for _, f := range []string{"content/_content.gotmpl", "content/docs/_content.gotmpl"} {
		want := f + ": content adapter not run: the pages it adds are not built"
		if !strings.Contains(got, want) {
			t.Errorf("warnings =\n%s\nwant one starting %q", got, want)
		}
	}
}
