package publish

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/diag"
)

// dedupeOneFold is Dedupe as it was before keys were folded once: the
// reference TestDedupeMatchesReference compares with.
func dedupeOneFold(out []output, ds *diag.List) []File {
	fold := func(p string) string { return strings.ToLower(strings.ToUpper(p)) }
	sort.SliceStable(out, func(i, j int) bool {
		li, lj := fold(out[i].Path), fold(out[j].Path)
		if li != lj {
			return li < lj
		}
		if out[i].kind != out[j].kind {
			return out[i].kind < out[j].kind // real first
		}
		if out[i].Path != out[j].Path {
			return out[i].Path < out[j].Path
		}
		// Of two pages' aliases, the one Hugo writes last first.
		return out[i].kind == Alias && aliasOrder(out[i].Source, out[j].Source) > 0
	})
	var kept []output
	for _, o := range out {
		if len(kept) == 0 || fold(kept[len(kept)-1].Path) != fold(o.Path) {
			kept = append(kept, o)
			continue
		}
		prev := kept[len(kept)-1] // sorts first: real before alias before generated
		switch {
		case o.kind == Generated:
			// The site's own file wins.
		case prev.kind == Real && o.kind == Alias:
			ds.Add(diag.Warnf(o.Source, 0, 0, "alias %s is ignored: %s is the page there", aliasURL(o.Path), prev.Source))
		case prev.Path != o.Path:
			ds.Add(diag.Errorf(o.Source, 0, 0, "output %s differs only in case from %s, produced by %s", o.Path, prev.Path, prev.Source).
				WithHint("they collide on case-insensitive file systems and web hosts; rename one"))
		case prev.kind == Alias && o.Source == prev.Source:
			// The same page lists the alias twice.
		case prev.kind == Alias:
			ds.Add(diag.Warnf(o.Source, 0, 0, "alias %s is also an alias of %s, and redirects there", aliasURL(o.Path), prev.Source).
				WithHint("Hugo writes that page's alias last; remove the alias from one of the pages"))
		default:
			d := diag.Errorf(o.Source, 0, 0, "output %s is also produced by %s", o.Path, prev.Source)
			if isPage(o.Source) || isPage(prev.Source) {
				d.WithHint("change the url or slug of the page")
			} else {
				d.WithHint("remove or rename one of the files")
			}
			ds.Add(d)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].Path < kept[j].Path })
	files := make([]File, len(kept))
	for i, o := range kept {
		files[i] = o.File
	}
	return files
}

// TestDedupeMatchesReference: on random outputs (paths that collide
// exactly or only in case, pages, aliases and generated files, the same
// alias twice), Dedupe keeps the same files and reports the same
// diagnostics, in the same order, as the reference.
func TestDedupeMatchesReference(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(5, 6))
	paths := []string{"a/index.html", "A/index.html", "b/index.html", "robots.txt", "Robots.txt", "img/x.png", "straße/index.html", "STRASSE/index.html", "\u212a/index.html", "k/index.html"}
	sources := []string{"content/a.md", "content/b.md", "assets/x.png", "the generated robots.txt"}
	for round := range 300 {
		var out []output
		for range rng.IntN(12) {
			out = append(out, output{
				File: File{Path: paths[rng.IntN(len(paths))], Data: []byte(fmt.Sprint(round)), Source: sources[rng.IntN(len(sources))]},
				kind: Kind(rng.IntN(3)),
			})
		}
		var wantDs diag.List
		want := dedupeOneFold(append([]output(nil), out...), &wantDs)
		got, gotDs := (&Outputs{out: out}).Dedupe()
		if !reflect.DeepEqual(got, want) || fmt.Sprint(gotDs) != fmt.Sprint(wantDs) {
			t.Fatalf("outputs %v:\ngot %v %v\nwant %v %v", out, got, gotDs, want, wantDs)
		}
	}
}
