package content

import (
	"strings"
	"testing"
)

func TestUnopenedFrontMatter(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		src  string
		line int // of the closing ---; 0: not front matter
	}{
		{"TitleThenClose", "title: Contact\n---\nWrite to us.\n", 2},
		{"SeveralKeys", "title: Contact\nweight: 10\ndraft: false\n---\n", 4},
		{"NestedAndLists", "title: A\nbuild:\n  render: never\naliases:\n- /old/\n# note\n\n---\n", 8},
		{"KeyCaseAndCRLFBlanks", "Title: A  \n---  \n", 2},
		{"UnknownFirstKeyIsText", "Note: this\n---\n", 0},
		{"ProseIsText", "title: A\nSome prose here.\n---\n", 0},
		{"NoClosingLine", "title: A\nweight: 3\n", 0},
		{"URLIsNotAKey", "https://example.com\n---\n", 0},
		{"KeyWithoutSpace", "title:A\n---\n", 0},
		{"TooFarDown", "title: A\n" + strings.Repeat("x: 1\n", maxUnopenedLines) + "---\n", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			line, ok := unopenedFrontMatter([]byte(tc.src))
			if ok != (tc.line != 0) || line != tc.line {
				t.Errorf("unopenedFrontMatter(%q) = %d, %v; want %d", tc.src, line, ok, tc.line)
			}
		})
	}
}

// TestUnopenedFrontMatterWarns: such a page gets one warning at 1:1 and
// not the "add title" hint, which would be wrong.
func TestUnopenedFrontMatterWarns(t *testing.T) {
	t.Parallel()
	r := loadTxtar(t, `
-- content/contact.md --
title: Contact
---
Write to us.
`)
	if r.err != nil {
		t.Fatal(r.err)
	}
	got := diagLines(r.warns)
	want := []string{`content/contact.md:1:1: front matter has no opening --- line, so lines 1 to 2 are rendered as text (hint: add a line of --- as the first line)`}
	if len(got) != 1 || got[0] != want[0] {
		t.Errorf("warnings = %q, want %q", got, want)
	}
}
