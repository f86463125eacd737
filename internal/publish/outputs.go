package publish

import (
	"cmp"
	"slices"
	"strings"

	"github.com/quire-docs/quire/internal/diag"
)

// Kind says what happens when two outputs claim one path.
type Kind uint8

const (
	// Real is a page, static file, asset, 404 page or sitemap: two at one
	// path are an error.
	Real Kind = iota
	// Alias is a redirect page: it yields to a Real file with a warning,
	// and one of two pages' aliases at one path wins with a warning (see
	// Outputs.Dedupe).
	Alias
	// Generated is a default (robots.txt): it yields to the site's own
	// file silently.
	Generated
)

// Outputs collects a build's output files, each with its Kind, and decides
// between files that claim one path (Dedupe). The zero value is empty and
// ready to use. Outputs holds its files in a slice: a copy sees the files
// added before it was made, and adding to one copy may change what was
// added to another after that point.
type Outputs struct {
	out []output
}

type output struct {
	File
	kind Kind
}

// Add adds f, of kind k. It is not safe for concurrent use.
func (o *Outputs) Add(k Kind, f File) {
	o.out = append(o.out, output{File: f, kind: k})
}

// Dedupe returns one file per output path, sorted by path, and what it
// found on the way; it does not change o. Two outputs collide when their
// paths are equal, or differ only in case or in Unicode normalisation
// (they are one file on case-insensitive file systems and hosts, and on
// macOS). Of two colliding outputs:
//
//   - two Real files are an error naming both sources;
//   - paths that differ (in case or normalisation) are an error naming
//     both, whatever their kinds, unless one is Generated;
//   - an Alias yields to a Real file, with a warning naming both;
//   - a Generated file yields silently;
//   - of two pages' Aliases, the page Hugo writes last wins (see
//     aliasOrder), with a warning naming both pages; one page's alias
//     listed twice is kept once, silently.
//
// The files kept, the diagnostics and their order depend only on the
// outputs added and the order they were added in.
func (o *Outputs) Dedupe() ([]File, diag.List) {
	// Each output's key is folded once, not in every comparison, and
	// indexes are sorted rather than outputs: ties keep the order outputs
	// were added in, as a stable sort would.
	keys := make([]string, len(o.out))
	order := make([]int32, len(o.out))
	for i, x := range o.out {
		keys[i], order[i] = fold(nfc(x.Path)), int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int {
		if c := strings.Compare(keys[i], keys[j]); c != 0 {
			return c
		}
		x, y := &o.out[i], &o.out[j]
		if x.kind != y.kind {
			return cmp.Compare(x.kind, y.kind) // Real first
		}
		if c := strings.Compare(x.Path, y.Path); c != 0 {
			return c
		}
		if x.kind == Alias {
			if c := aliasOrder(y.Source, x.Source); c != 0 {
				return c // the winning page first
			}
		}
		return cmp.Compare(i, j)
	})
	var ds diag.List
	kept := make([]output, 0, len(order))
	for n, i := range order {
		x := o.out[i]
		if n == 0 || keys[i] != keys[order[n-1]] {
			kept = append(kept, x)
			continue
		}
		prev := kept[len(kept)-1] // sorts first: Real before Alias before Generated
		switch {
		case x.kind == Generated:
			// The site's own file wins.
		case prev.kind == Real && x.kind == Alias:
			ds.Add(diag.Warnf(x.Source, 0, 0, "alias %s is ignored: %s is the page there", aliasURL(x.Path), prev.Source))
		case prev.Path != x.Path && nfc(prev.Path) == nfc(x.Path):
			ds.Add(diag.Errorf(x.Source, 0, 0, "output %s differs only in Unicode normalisation (NFC/NFD) from %s, produced by %s", x.Path, prev.Path, prev.Source).
				WithHint("they are one file on macOS and on many web hosts; rename one, or save both names in the same form"))
		case prev.Path != x.Path:
			ds.Add(diag.Errorf(x.Source, 0, 0, "output %s differs only in case from %s, produced by %s", x.Path, prev.Path, prev.Source).
				WithHint("they collide on case-insensitive file systems and web hosts; rename one"))
		case prev.kind == Alias && x.Source == prev.Source:
			// The same page lists the alias twice.
		case prev.kind == Alias:
			ds.Add(diag.Warnf(x.Source, 0, 0, "alias %s is also an alias of %s, and redirects there", aliasURL(x.Path), prev.Source).
				WithHint("Hugo writes that page's alias last; remove the alias from one of the pages"))
		default:
			d := diag.Errorf(x.Source, 0, 0, "output %s is also produced by %s", x.Path, prev.Source)
			if isPage(x.Source) || isPage(prev.Source) {
				d.WithHint("change the url or slug of the page")
			} else {
				d.WithHint("remove or rename one of the files")
			}
			ds.Add(d)
		}
	}
	// Kept paths are unique; with no upper case, the order is already theirs.
	byPath := func(x, y output) int { return strings.Compare(x.Path, y.Path) }
	if !slices.IsSortedFunc(kept, byPath) {
		slices.SortFunc(kept, byPath)
	}
	files := make([]File, len(kept))
	for i, x := range kept {
		files[i] = x.File
	}
	return files, ds
}

// isPage reports whether source names a markdown page.
func isPage(source string) bool {
	return strings.HasSuffix(source, ".md") || strings.HasSuffix(source, ".markdown")
}

// aliasURL shows an alias output path as the URL a reader would use.
func aliasURL(p string) string {
	return "/" + strings.TrimSuffix(p, "index.html")
}
