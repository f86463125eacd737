package content

import (
	"strings"
	"testing"
)

// TestLoadHugoFrontMatterQuirks loads front matter that Hugo accepts
// though it is not quite well formed.
func TestLoadHugoFrontMatterQuirks(t *testing.T) {
	t.Parallel()
	r := loadTxtar(t, "-- content/bom.md --\n\ufeff---\ntitle: After a BOM\n---\nBody.\n"+
		"-- content/bomcrlf.md --\n\ufeff---\r\ntitle: BOM and CRLF\r\n---\r\nBody.\r\n"+
		"-- content/bomtoml.md --\n\ufeff+++\ntitle = 'TOML after a BOM'\n+++\nBody.\n"+
		"-- content/dashes.md --\n---\ntitle: Four dashes\n----\nBody.\n"+
		"-- content/plusses.md --\n+++\ntitle = 'Four plusses'\n++++\nBody.\n")
	if r.err != nil {
		t.Fatalf("Load: %v", r.err)
	}
	want := map[string]string{
		"bom.md":     "After a BOM",
		"bomcrlf.md": "BOM and CRLF",
		"bomtoml.md": "TOML after a BOM",
		"dashes.md":  "Four dashes",
		"plusses.md": "Four plusses",
	}
	for _, p := range r.site.Pages {
		w, ok := want[p.Path]
		if !ok {
			continue
		}
		delete(want, p.Path)
		if p.Title != w || strings.TrimSpace(string(p.Body)) != "Body." {
			t.Errorf("%s: title %q, body %q; want %q and the body alone", p.Path, p.Title, p.Body, w)
		}
	}
	for path := range want {
		t.Errorf("%s: not published", path)
	}
	var got []string
	for _, w := range r.warns {
		got = append(got, w.Error())
	}
	for _, w := range []string{
		`content/dashes.md:3:1: front matter closed with "----" (hint: Hugo accepts it; close the front matter with a line of exactly ---)`,
		`content/plusses.md:3:1: front matter closed with "++++" (hint: Hugo accepts it; close the front matter with a line of exactly +++)`,
	} {
		if !strings.Contains(strings.Join(got, "\n"), w) {
			t.Errorf("warnings =\n%s\nwant one\n%s", strings.Join(got, "\n"), w)
		}
	}
}

// TestLongCloseQuotedShort: a closing line of a megabyte of dashes is
// accepted, and the warning quotes only its start.
func TestLongCloseQuotedShort(t *testing.T) {
	t.Parallel()
	src := "---\ntitle: x\n" + strings.Repeat("-", 1<<20) + "\n"
	r := loadTxtarOpts(t, "-- content/a.md --\n"+src, Options{Dir: "content", MaxFrontMatter: -1})
	if r.err != nil {
		t.Fatalf("Load: %.300v", r.err)
	}
	if len(r.warns) != 1 || len(r.warns[0].Error()) > 400 || !strings.HasPrefix(r.warns[0].Error(), "content/a.md:3:1: front matter closed with") {
		t.Errorf("warnings = %.400v, want one short warning at content/a.md:3:1", r.warns)
	}
}
