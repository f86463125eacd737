package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/outline"
)

func TestTokens(t *testing.T) {
	t.Parallel()
	for name, c := range map[string]struct {
		in   string
		want []string
	}{
		"WordsSplitAtPunctuation": {"search-index.json isn't", []string{"search", "index", "json", "isn", "t"}},
		"DiacriticsFolded":        {Fold("Résumé ÅNGSTRÖM"), []string{"resume", "angstrom"}},
		"CJKBigrams":              {"quire日本語です", []string{"quire", "日本", "本語", "語で", "です"}},
		"LoneCJKCharacter":        {"a 字 b", []string{"a", "字", "b"}},
		"LongTokensDropped":       {strings.Repeat("x", MaxTerm+1) + " ok", []string{"ok"}},
		"DigitsAreWords":          {"v2 ½ 100", []string{"v2", "½", "100"}},
	} {
		var got []string
		Tokens(c.in, func(tok string, _ bool) { got = append(got, tok) })
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: Tokens(%q) = %q, want %q", name, c.in, got, c.want)
		}
	}
}

func TestTerms(t *testing.T) {
	t.Parallel()
	s := &stemmer{lang: "en"}
	for in, want := range map[string]string{"building": "build", "builds": "build", "the": "", "how": "", "shortcodes": "shortcod", "v2": "v2", "naïve": "naïve"} {
		if got := s.term(in); got != want {
			t.Errorf("term(%q) = %q, want %q", in, got, want)
		}
	}
	if got := (&stemmer{}).term("building"); got != "building" {
		t.Errorf("with no language, term(building) = %q, want it unstemmed", got)
	}
}

// sitePages returns n pages of generated text.
func sitePages(n int) []Page {
	words := strings.Fields("alpha beta gamma delta epsilon zeta theta iota kappa lambda omicron sigma")
	pages := make([]Page, n)
	for i := range pages {
		var text strings.Builder
		for j := range 40 {
			text.WriteString(words[(i*7+j*j)%len(words)] + fmt.Sprint(j%5) + " ")
		}
		pages[i] = Page{URL: fmt.Sprintf("/p%d/", i), Title: fmt.Sprintf("Page %d %s", i, words[i%len(words)]),
			Sections: []outline.Section{{Text: "Lead " + words[i%3]}, {Level: 2, ID: "s", Title: "Section", Text: text.String()}}}
	}
	return pages
}

func join(pages []Page) Index {
	enc := NewEncoder("en")
	es := make([]Entry, len(pages))
	for i, p := range pages {
		es[i] = enc.Encode(p)
	}
	return Join(es, "en")
}

// TestJoinDeterministic: two joins of the same pages, encoded
// concurrently or not, give the same bytes.
func TestJoinDeterministic(t *testing.T) {
	t.Parallel()
	pages := sitePages(600)
	a, b := join(pages), join(pages)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two joins of the same pages differ")
	}
}

// TestJoinLayout: shards are closed near ShardBytes and cover the terms in
// order; every file is named by its content; page tables name one
// fragment per page; excluded pages are left out.
func TestJoinLayout(t *testing.T) {
	t.Parallel()
	pages := sitePages(TablePages + 10)
	pages[3].Exclude = true
	ix := join(pages)
	var m struct {
		Pages          int
		Firsts, Shards []string
		Tables         []string
	}
	if err := json.Unmarshal(ix.Manifest, &m); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range ix.Files {
		files[f.Path] = f.Data
		name := f.Path[len(Dir)+2 : len(f.Path)-len(".json")]
		if fingerprint(f.Data, len(name)) != name {
			t.Errorf("%s is not named by its content", f.Path)
		}
	}
	if m.Pages != len(pages)-1 || len(m.Tables) != 2 {
		t.Errorf("manifest: %d pages in %d tables, want %d in 2", m.Pages, len(m.Tables), len(pages)-1)
	}
	if len(m.Shards) < 2 || len(m.Shards) != len(m.Firsts) {
		t.Fatalf("%d shards, %d first terms: want several, one each", len(m.Shards), len(m.Firsts))
	}
	for i, h := range m.Shards {
		data := files[Dir+"t-"+h+".json"]
		if len(data) > 2*ShardBytes {
			t.Errorf("shard %d has %d bytes", i, len(data))
		}
		var shard map[string][]int
		if err := json.Unmarshal(data, &shard); err != nil {
			t.Fatalf("shard %d: %v", i, err)
		}
		for term := range shard {
			if term < m.Firsts[i] || (i+1 < len(m.Firsts) && term >= m.Firsts[i+1]) {
				t.Errorf("term %q is in shard %d, which starts at %q", term, i, m.Firsts[i])
			}
		}
	}
	var table []string
	if err := json.Unmarshal(files[Dir+"p-"+m.Tables[0]+".json"], &table); err != nil || len(table) != TablePages {
		t.Fatalf("first page table: %v, %d fragments", err, len(table))
	}
	if frag := files[Dir+"f-"+table[3]+".json"]; !bytes.Contains(frag, []byte(`"/p4/"`)) {
		t.Errorf("the fourth fragment is %s, want page 4's (page 3 is excluded)", frag)
	}
}

// TestPostingsCapped: a term in every section lists its MaxPostings best.
func TestPostingsCapped(t *testing.T) {
	t.Parallel()
	ix := join(sitePages(MaxPostings + 200))
	for _, f := range ix.Files {
		if !strings.HasPrefix(f.Path, Dir+"t-") {
			continue
		}
		var shard map[string][]int
		if err := json.Unmarshal(f.Data, &shard); err != nil {
			t.Fatal(err)
		}
		if l, ok := shard["page"]; ok {
			if l[0] != MaxPostings+200 || len(l) != 1+3*MaxPostings {
				t.Errorf("term page: df %d, %d postings; want %d, %d", l[0], (len(l)-1)/3, MaxPostings+200, MaxPostings)
			}
			return
		}
	}
	t.Error("no shard holds the term page")
}

// TestCodeCountsLess: a word in a code block or table scores less than
// the same word in prose, and the fragment gives the code's place in
// UTF-16 code units, as the script indexes the text.
func TestCodeCountsLess(t *testing.T) {
	t.Parallel()
	text := "Zoë 🙂 runs zebra"
	pages := []Page{
		{URL: "/prose/", Title: "A", Sections: []outline.Section{{Text: text}}},
		{URL: "/code/", Title: "B", Sections: []outline.Section{{Text: text, Code: []outline.Span{{Start: len("Zoë 🙂 runs "), End: len(text)}}}}},
	}
	for i := range 20 { // others, so that zebra is a rare word
		pages = append(pages, Page{URL: fmt.Sprintf("/other%d/", i), Title: "Other"})
	}
	ix := join(pages)
	var shard map[string][]int
	var frags []string
	for _, f := range ix.Files {
		switch {
		case strings.HasPrefix(f.Path, Dir+"t-"):
			var s map[string][]int
			if err := json.Unmarshal(f.Data, &s); err != nil {
				t.Fatal(err)
			}
			if z, ok := s["zebra"]; ok {
				shard = map[string][]int{"zebra": z}
			}
		case strings.HasPrefix(f.Path, Dir+"f-"):
			frags = append(frags, string(f.Data))
		}
	}
	z := shard["zebra"] // df, then page delta, section, impact for each
	if len(z) != 7 || z[3] <= z[6] {
		t.Errorf("zebra's postings %v: want two, the prose page's (first) scoring more", z)
	}
	want := `[["","","` + text + `",[12,17]]]`
	if !slices.ContainsFunc(frags, func(f string) bool { return strings.Contains(f, want) }) {
		t.Errorf("no fragment has %s: %q", want, frags)
	}
}

// FuzzIndex: any page body gives an index whose files are valid JSON.
func FuzzIndex(f *testing.F) {
	f.Add("Title é", []byte(`<p>text 日本語 baseURL</p><pre>code</pre><h2 id="x">H</h2><table><tr><td>t</td></tr></table>`))
	f.Add("", []byte("\xff\xfe<pre>\u2028 🙂</pre>"))
	f.Fuzz(func(t *testing.T, title string, body []byte) {
		o := outline.Parse(body)
		ix := join([]Page{{URL: "/a/", Title: title, Sections: o.Sections}, {URL: "/b/", Title: "B"}})
		if !json.Valid(ix.Manifest) {
			t.Fatalf("manifest %q", ix.Manifest)
		}
		for _, f := range ix.Files {
			if !json.Valid(f.Data) {
				t.Fatalf("%s: %q", f.Path, f.Data)
			}
		}
	})
}
