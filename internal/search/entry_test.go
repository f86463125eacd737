package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/outline"
)

// indexOneShot is Index as it was before entries: the whole index encoded
// by one json.Encoder. Join must give the same bytes.
func indexOneShot(pages []Page) []byte {
	type index struct {
		V int         `json:"v"`
		P [][2]string `json:"p"`
		S [][4]any    `json:"s"`
	}
	ix := index{V: Version, P: make([][2]string, 0, len(pages)), S: [][4]any{}}
	for i, p := range pages {
		ix.P = append(ix.P, [2]string{p.URL, p.Title})
		for _, s := range p.Sections {
			if s.Title == "" && s.Text == "" {
				continue
			}
			ix.S = append(ix.S, [4]any{i, s.ID, s.Title, cut(s.Text, MaxText)})
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(ix); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// trickyPages returns n pages whose strings hold what JSON escapes or
// might: quotes, backslashes, HTML, control characters, U+2028, invalid
// UTF-8, long text to cut, and empty sections to leave out.
func trickyPages(n int, seed uint64) []Page {
	rng := rand.New(rand.NewPCG(seed, 7))
	parts := []string{"a", "Zoë", `"q"`, `\`, "<b>&amp;</b>", "\x00\x01\t\n\r", "\u2028\u2029", "\xff\xfe", "日本語", "🙂", " ", "</script>", strings.Repeat("é", MaxText/2+3)}
	str := func() string {
		var b strings.Builder
		for range rng.IntN(4) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		return b.String()
	}
	pages := make([]Page, n)
	for i := range pages {
		pages[i] = Page{URL: "/p" + strconv.Itoa(i) + "/" + str(), Title: str()}
		for range rng.IntN(5) {
			pages[i].Sections = append(pages[i].Sections, outline.Section{Level: 2, ID: str(), Title: str(), Text: str()})
		}
	}
	return pages
}

// TestJoinMatchesOneShot: the index joined from entries is byte for byte
// the index encoded in one go, for empty, small and tricky sites.
func TestJoinMatchesOneShot(t *testing.T) {
	t.Parallel()
	cases := map[string][]Page{"nil": nil, "empty page": {{}}, "no sections": {{URL: "/", Title: "Home"}}}
	for seed := range uint64(20) {
		cases[fmt.Sprintf("seed %d", seed)] = trickyPages(int(seed)*7, seed)
	}
	for name, pages := range cases {
		if got, want := Index(pages), indexOneShot(pages); !bytes.Equal(got, want) {
			t.Errorf("%s: Index =\n%q\nwant\n%q", name, got, want)
		}
	}
}

// TestEntryIndependentOfPlace: an entry encoded once serves the page at
// any place in the index (its number is written by Join).
func TestEntryIndependentOfPlace(t *testing.T) {
	t.Parallel()
	pages := trickyPages(30, 1)
	es := make([]Entry, len(pages))
	for i, p := range pages {
		es[i] = Encode(p)
	}
	// Drop the first page: every other page moves up one place.
	if got, want := Join(es[1:], strconv.Itoa), indexOneShot(pages[1:]); !bytes.Equal(got, want) {
		t.Errorf("Join of reused entries =\n%s\nwant\n%s", got, want)
	}
}
