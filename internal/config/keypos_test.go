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
		{"TopLevel", "\n\ntitle = 1", "title", position{3, 1}},
		{"Indented", "\t  title = 1", "title", position{1, 4}},
		{"TableHeader", "a = 1\n[markup.highlight]\nstyle = 1", "markup.highlight", position{2, 2}},
		{"KeyInTable", "[markup.highlight]\n\nstyle = 1", "markup.highlight.style", position{3, 1}},
		{"ArrayTable", "[[menu]]\nname = 1", "menu.name", position{2, 1}},
		{"DottedKey", "markup.highlight.style = 1", "markup.highlight.style", position{1, 1}},
		{"DottedKeyPrefix", "x = 1\nmarkup.highlight.style = 1", "markup", position{2, 1}},
		{"SpacedDots", "markup . highlight . style = 1", "markup.highlight.style", position{1, 1}},
		{"QuotedKey", "\"title\" = 1\n'minify' = 2", "minify", position{2, 1}},
		{"InlineTable", "markup = { highlight = { style = 1 } }", "markup.highlight.style", position{1, 26}},
		{"MultilineStringHidesKeys", "a = \"\"\"\ntitle = 1\n\"\"\"\ntitle = 2", "title", position{4, 1}},
		{"MultilineLiteralHidesKeys", "a = '''\n[fake]\n'''\nb = 1", "b", position{4, 1}},
		{"EscapedQuoteInString", "a = \"x\\\" title = 1\"\ntitle = 2", "title", position{2, 1}},
		{"MultilineArray", "a = [\n  1, # c\n  \"]\",\n]\ntitle = 1", "title", position{5, 1}},
		{"CommentWithEquals", "# title = 1\ntitle = 2", "title", position{2, 1}},
		{"CRLF", "a = 1\r\n\r\ntitle = 2\r\n", "title", position{3, 1}},
		{"ByteOrderMark", "\uFEFFtitle = 1", "title", position{1, 1}},
		{"TrailingComment", "[markup] # m\nx = 1", "markup.x", position{2, 1}},
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
