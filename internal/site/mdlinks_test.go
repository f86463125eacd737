package site

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/markdown"
)

// TestMdLinksMatchesCharCol: the one-pass line walk of mdLinks gives each
// link the column charCol gives, for links in document order, out of
// order, on the last line, past the end and past a line's end.
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
		got := mdLinks(p, links)
		for i, l := range links {
			wantLine, wantCol := 0, 0
			if l.Pos.Line > 0 {
				wantLine, wantCol = p.BodyLine+l.Pos.Line-1, charCol(p.Body, l.Pos.Line, l.Pos.Col)
			}
			if got[i].Line != wantLine || got[i].Column != wantCol || got[i].Dest != l.Dest || got[i].URL != l.URL {
				t.Fatalf("body %q, link %d at %v: got %+v, want line %d col %d", p.Body, i, l.Pos, got[i], wantLine, wantCol)
			}
		}
	}
}
