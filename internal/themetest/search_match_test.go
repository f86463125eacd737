package themetest

import (
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/quire-docs/quire/internal/config"
)

// matchSite is a small site whose pages each answer one kind of query.
var matchSite = map[string]string{
	"config.toml":           "title = 'Match'\nbaseURL = '/'\n",
	"content/_index.md":     "---\ntitle: Home\n---\nWelcome.\n",
	"content/resume.md":     "---\ntitle: Résumé\n---\nHow to write a good résumé for the café.\n",
	"content/japanese.md":   "---\ntitle: Japanese\n---\n東京都の天気は晴れです。\n",
	"content/building.md":   "---\ntitle: Builds\n---\nEvery build writes the site. Builds are atomic.\n",
	"content/shortcode.md":  "---\ntitle: Shortcodes\n---\nShortcodes insert templates into markdown.\n",
	"content/phrase.md":     "---\ntitle: Phrase\n---\nThe colour scheme follows light and dark settings.\n",
	"content/scattered.md":  "---\ntitle: Light, dark\n---\nDark and light rooms: dark walls, light floors, dark doors, light windows.\n",
	"content/partial.md":    "---\ntitle: Partial\n---\nZebras graze on the savanna.\n",
	"content/code.md":       "---\ntitle: Code\n---\nSee below.\n\n```\nfrobnicate --all\n```\n",
	"content/prose.md":      "---\ntitle: Prose\n---\nTo frobnicate the widgets, run the tool.\n",
	"content/hidden.md":     "---\ntitle: Hidden\nexclude_search: true\n---\nThe secret quokka lives here.\n",
	"content/camel.md":      "---\ntitle: Camel\n---\nSet `publishDir` in the config.\n",
	"content/draft.md":      "---\ntitle: Draft\ndraft: true\n---\nThe draft wombat.\n",
	"content/heading.md":    "---\ntitle: Heading\n---\n## Installing on Windows\n\nRun the installer.\n",
	"content/other-page.md": "---\ntitle: Other\n---\nNothing about windows here except one mention.\n",
	"content/proto.md":      "---\ntitle: Proto\n---\nThe constructor of a prototype.\n",
}

// TestSearchMatching runs queries through the theme's search script on a
// small site and checks the first result: diacritics, CJK, stemming,
// prefixes, typos, quoted phrases, the fallback to partial matches, code
// ranking below prose, camelCase parts and pages left out.
func TestSearchMatching(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{}
	for name, data := range matchSite {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	cfg, _, err := config.Parse([]byte(matchSite["config.toml"]))
	if err != nil {
		t.Fatal(err)
	}
	d := buildSite(t, fsys, cfg)
	cases := []struct{ name, query, first string }{
		{"DiacriticsFolded", "resume cafe", "/resume/"},
		{"CJKBigrams", "東京", "/japanese/"},
		{"CJKInsideARun", "天気", "/japanese/"},
		{"CJKOneCharacter", "晴", "/japanese/"},
		{"Stemmed", "building", "/building/"},
		{"PrefixOfTheWordTyped", "shortc", "/shortcode/"},
		{"OneTypo", "shotcode", "/shortcode/"},
		{"TwoTyposInALongWord", "temmplatse", "/shortcode/"},
		{"QuotedPhraseFirst", `"light and dark"`, "/phrase/"},
		{"PartialMatchRatherThanNothing", "zebra unicorn", "/partial/"},
		{"ProseBeforeCode", "frobnicate", "/prose/"},
		{"CamelCaseParts", "publish dir", "/camel/"},
		{"HeadingBeforeText", "windows", "/heading/"},
		{"ObjectKeysAreWords", "constructor", "/proto/"},
		{"ObjectKeyNotInTheIndex", "valueof", ""},
		{"ExcludedPageNotFound", "quokka", ""},
		{"DraftNotFound", "wombat", ""},
	}
	var qs []string
	for _, c := range cases {
		qs = append(qs, c.query)
	}
	out := strings.Split(strings.TrimSpace(string(node(t, strings.Join(qs, "\n"), "testdata/search-run.js", searchJS, writeDocs(t, d)))), "\n")
	for i, c := range cases {
		var got []string
		if i < len(out) {
			json.Unmarshal([]byte(out[i]), &got)
		}
		first := ""
		if len(got) > 0 {
			first = got[0]
		}
		if first != c.first {
			t.Errorf("%s: %q: first result %q, want %q (all: %q)", c.name, c.query, first, c.first, got)
		}
	}
}
