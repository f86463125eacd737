package content

import (
	"reflect"
	"strings"
	"testing"
)

func TestLanguageBySuffix(t *testing.T) {
	t.Parallel()
	const site = `
-- content/_index.md --
---
title: Home
---
-- content/_index.de.md --
---
title: Start
---
-- content/docs/a.md --
---
title: A
---
-- content/docs/a.de.md --
---
title: A auf Deutsch
---
-- content/docs/only-en.md --
---
title: Only English
---
-- content/docs/notes.v2.md --
---
title: Notes
---
-- content/docs/z.zh.md --
---
title: Z
---
`
	codes := []string{"de", "en", "zh"}
	for _, tc := range []struct {
		name  string
		lang  Language
		want  []string // Path File Title
		wantE string
	}{
		{"DefaultTakesUnsuffixed", Language{Code: "en", Unsuffixed: true, Codes: codes}, []string{
			"_index.md content/_index.md Home", "docs/ content/docs/ Docs", "docs/a.md content/docs/a.md A",
			"docs/notes.v2.md content/docs/notes.v2.md Notes", "docs/only-en.md content/docs/only-en.md Only English"}, ""},
		{"OtherTakesItsSuffixOnly", Language{Code: "de", Codes: codes}, []string{
			"_index.md content/_index.de.md Start", "docs/ content/docs/ Docs", "docs/a.md content/docs/a.de.md A auf Deutsch"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s, _, err := Load(txtarFS(site), Options{Dir: "content", Language: &tc.lang})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range allPages(s.Home) {
				got = append(got, strings.Join([]string{p.Path, p.File, p.Title}, " "))
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("pages:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestLanguageSamePageTwice(t *testing.T) {
	t.Parallel()
	fsys := txtarFS("-- content/a.md --\n-- content/a.zh.md --\n")
	_, _, err := Load(fsys, Options{Dir: "content", Language: &Language{Code: "zh", Unsuffixed: true, Codes: []string{"en", "zh"}}})
	want := "content/a.zh.md: the same zh page as content/a.md (hint: remove one of them, or give it another language's suffix)"
	if err == nil || err.Error() != want {
		t.Errorf("Load error = %v, want %s", err, want)
	}
}

// allPages lists the tree under p depth-first, sorted by Path.
func allPages(p *Page) []*Page {
	out := []*Page{p}
	for _, c := range p.Children {
		out = append(out, allPages(c)...)
	}
	return out
}
