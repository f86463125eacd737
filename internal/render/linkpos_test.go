package render

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/markdown"
	"github.com/quire-docs/quire/internal/pos"
)

// TestMdLinksMatchesCharCol: the one-pass walk of mdLinks gives each link
// the column the body's line table gives, for links in document order, out
// of order, on the last line, past the end and past a line's end.
func TestMdLinksMatchesCharCol(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 4))
	words := []string{"a", "Zoë", "日本", "[x](y.md)", " ", "\n", "\n\n", "🙂"}
	for range 300 {
		var b strings.Builder
		for range rng.IntN(60) {
			b.WriteString(words[rng.IntN(len(words))])
		}
		p := &content.Page{Body: []byte(b.String()), BodyLine: 1 + rng.IntN(5)}
		lines := strings.Count(b.String(), "\n") + 1
		var links []markdown.Link
		line := 1
		for range rng.IntN(12) {
			if rng.IntN(5) == 0 {
				line = 1 + rng.IntN(lines+2) // out of order, or past the end
			} else {
				line = min(line+rng.IntN(3), lines+1)
			}
			links = append(links, markdown.Link{Dest: "d", URL: "u", Pos: markdown.Pos{Line: line, Col: 1 + rng.IntN(12)}})
		}
		links = append(links, markdown.Link{Dest: "no position"})
		got := LinkPositions(p, p.Body, links)
		for i, l := range links {
			wantLine, wantCol := 0, 0
			if l.Pos.Line > 0 {
				wantLine = p.BodyLine + l.Pos.Line - 1
				wantCol = pos.NewAt(p.Body, p.BodyLine).CharCol(wantLine, l.Pos.Col)
			}
			if got[i].Line != wantLine || got[i].Column != wantCol || got[i].Dest != l.Dest || got[i].URL != l.URL {
				t.Fatalf("body %q, link %d at %v: got %+v, want line %d col %d", p.Body, i, l.Pos, got[i], wantLine, wantCol)
			}
		}
	}
}

// TestMdLinksMemo: a page keeps its converted links while its body, body
// line and links are unchanged (equal, not only the same slices), and
// gets them converted anew when any of them changes.
func TestMdLinksMemo(t *testing.T) {
	t.Parallel()
	links := []markdown.Link{{Dest: "a.md", URL: "/a/", Pos: markdown.Pos{Line: 2, Col: 5}}}
	p := &content.Page{File: "content/x.md", Body: []byte("one\n1234[a](a.md)\n"), BodyLine: 4}
	var m LinkMemo
	m.Begin()
	first := m.Get(p, p.Body, links)
	m.Commit()
	m.Begin()
	same := &content.Page{File: p.File, Body: []byte(string(p.Body)), BodyLine: 4}
	if got := m.Get(same, same.Body, append([]markdown.Link(nil), links...)); &got[0] != &first[0] {
		t.Error("equal page and links converted again")
	}
	m.Commit()
	for name, q := range map[string]*content.Page{
		"body":      {File: p.File, Body: []byte("one\nZoë[a](a.md)\n"), BodyLine: 4},
		"body line": {File: p.File, Body: p.Body, BodyLine: 7},
	} {
		got := m.Get(q, q.Body, links)
		want := LinkPositions(q, q.Body, links)
		if got[0] != want[0] || got[0] == first[0] {
			t.Errorf("%s changed: got %+v, want %+v (was %+v)", name, got[0], want[0], first[0])
		}
	}
	moved := []markdown.Link{{Dest: "a.md", URL: "/a/", Pos: markdown.Pos{Line: 1, Col: 1}}}
	if got := m.Get(p, p.Body, moved); got[0].Line != 4 || got[0].Column != 1 {
		t.Errorf("moved link: got %+v, want line 4 column 1", got[0])
	}
	m.Begin()
	m.Commit() // a build without the page
	m.Begin()
	if got := m.Get(p, p.Body, links); &got[0] == &first[0] {
		t.Error("a page the last build did not have kept its links")
	}
}

// BenchmarkMdLinksOneLine converts n links written on one line, for n and
// 2n: linear work takes about twice as long for 2n, quadratic four times.
func BenchmarkMdLinksOneLine(b *testing.B) {
	for _, n := range []int{50000, 100000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			const one = "[x](y.md) "
			p := &content.Page{Body: []byte(strings.Repeat(one, n) + "\n"), BodyLine: 1}
			links := make([]markdown.Link, n)
			for i := range links {
				links[i] = markdown.Link{Dest: "y.md", Pos: markdown.Pos{Line: 1, Col: 1 + i*len(one)}}
			}
			for b.Loop() {
				LinkPositions(p, p.Body, links)
			}
		})
	}
}
