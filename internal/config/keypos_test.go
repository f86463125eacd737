package config

import (
	"strings"
	"testing"
)

func TestScanKeys(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		src  string
		path string // dotted; quoted parts are not used here
		want position
	}{
		{"TopLevel", "\n\ntitle = 1", "title", position{line: 3, col: 1}},
		{"Indented", "\t  title = 1", "title", position{line: 1, col: 4}},
		{"TableHeader", "a = 1\n[markup.highlight]\nstyle = 1", "markup.highlight", position{line: 2, col: 2}},
		{"KeyInTable", "[markup.highlight]\n\nstyle = 1", "markup.highlight.style", position{line: 3, col: 1}},
		{"ArrayTable", "[[menu]]\nname = 1", "menu.name", position{line: 2, col: 1}},
		{"DottedKey", "markup.highlight.style = 1", "markup.highlight.style", position{line: 1, col: 1}},
		{"DottedKeyPrefix", "x = 1\nmarkup.highlight.style = 1", "markup", position{line: 2, col: 1}},
		{"SpacedDots", "markup . highlight . style = 1", "markup.highlight.style", position{line: 1, col: 1}},
		{"QuotedKey", "\"title\" = 1\n'minify' = 2", "minify", position{line: 2, col: 1}},
		{"InlineTable", "markup = { highlight = { style = 1 } }", "markup.highlight.style", position{line: 1, col: 26}},
		{"MultilineStringHidesKeys", "a = \"\"\"\ntitle = 1\n\"\"\"\ntitle = 2", "title", position{line: 4, col: 1}},
		{"MultilineLiteralHidesKeys", "a = '''\n[fake]\n'''\nb = 1", "b", position{line: 4, col: 1}},
		{"EscapedQuoteInString", "a = \"x\\\" title = 1\"\ntitle = 2", "title", position{line: 2, col: 1}},
		{"MultilineArray", "a = [\n  1, # c\n  \"]\",\n]\ntitle = 1", "title", position{line: 5, col: 1}},
		{"CommentWithEquals", "# title = 1\ntitle = 2", "title", position{line: 2, col: 1}},
		{"CRLF", "a = 1\r\n\r\ntitle = 2\r\n", "title", position{line: 3, col: 1}},
		{"ByteOrderMark", "\uFEFFtitle = 1", "title", position{line: 1, col: 1}},
		{"TrailingComment", "[markup] # m\nx = 1", "markup.x", position{line: 2, col: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			kp := scanKeys(tc.src)
			if got := kp.lookup(strings.Split(tc.path, ".")); got != tc.want {
				t.Errorf("scanKeys(%q)[%s] = %v, want %v", tc.src, tc.path, got, tc.want)
			}
		})
	}
}
