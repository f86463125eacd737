package site

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/publish"
)

// kind says what happens when two outputs claim one path.
type kind int

const (
	real      kind = iota // a page, static file, asset, 404 or sitemap: two at one path is an error
	alias                 // a redirect page: yields to a real file, with a warning
	generated             // a default (robots.txt): yields to the site's own file silently
)

type output struct {
	publish.File
	kind kind
}

func (b *builder) add(k kind, f publish.File) {
	b.out = append(b.out, output{File: f, kind: k})
}

// dedupe returns one file per output path, sorted by path. Two real files
// at one path, or at paths that differ only in case or in Unicode
// normalisation (they collide on case-insensitive file systems and hosts,
// and on macOS), are an error naming both sources; so are two pages' aliases at one path. An alias yields to a real
// file with a warning naming both; a generated default yields silently.
func (b *builder) dedupe(ds *diag.List) []publish.File {
	// Each output's memo.Key is folded once, not in every comparison, and
	// indexes are sorted rather than outputs: ties keep the order outputs
	// were added in, as a stable sort would.
	keys := make([]string, len(b.out))
	order := make([]int32, len(b.out))
	for i, o := range b.out {
		keys[i], order[i] = fold(nfc(o.Path)), int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int {
		if c := strings.Compare(keys[i], keys[j]); c != 0 {
			return c
		}
		x, y := &b.out[i], &b.out[j]
		if x.kind != y.kind {
			return cmp.Compare(x.kind, y.kind) // real first
		}
		if c := strings.Compare(x.Path, y.Path); c != 0 {
			return c
		}
		return cmp.Compare(i, j)
	})
	kept := make([]output, 0, len(order))
	for n, i := range order {
		o := b.out[i]
		if n == 0 || keys[i] != keys[order[n-1]] {
			kept = append(kept, o)
			continue
		}
		prev := kept[len(kept)-1] // sorts first: real before alias before generated
		switch {
		case o.kind == generated:
			// The site's own file wins.
		case prev.kind == real && o.kind == alias:
			ds.Add(diag.Warnf(o.Source, 0, 0, "alias %s is ignored: %s is the page there", aliasURL(o.Path), prev.Source))
		case prev.Path != o.Path && nfc(prev.Path) == nfc(o.Path):
			ds.Add(diag.Errorf(o.Source, 0, 0, "output %s differs only in Unicode normalisation (NFC/NFD) from %s, produced by %s", o.Path, prev.Path, prev.Source).
				WithHint("they are one file on macOS and on many web hosts; rename one, or save both names in the same form"))
		case prev.Path != o.Path:
			ds.Add(diag.Errorf(o.Source, 0, 0, "output %s differs only in case from %s, produced by %s", o.Path, prev.Path, prev.Source).
				WithHint("they collide on case-insensitive file systems and web hosts; rename one"))
		case prev.kind == alias && o.Source == prev.Source:
			// The same page lists the alias twice.
		case prev.kind == alias:
			ds.Add(diag.Errorf(o.Source, 0, 0, "alias %s is also an alias of %s", aliasURL(o.Path), prev.Source).
				WithHint("remove it from one of the pages"))
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
	// Kept paths are unique; with no upper case, the order is already theirs.
	byPath := func(x, y output) int { return strings.Compare(x.Path, y.Path) }
	if !slices.IsSortedFunc(kept, byPath) {
		slices.SortFunc(kept, byPath)
	}
	files := make([]publish.File, len(kept))
	for i, o := range kept {
		files[i] = o.File
	}
	return files
}

// fold is the memo.Key under which two paths collide on a case-insensitive
// file system: the same for sorting and comparing, so colliding paths are
// always next to each other.
func fold(p string) string {
	for i := 0; i < len(p); i++ {
		if p[i] >= utf8.RuneSelf {
			return strings.ToLower(strings.ToUpper(p))
		}
	}
	// In ASCII, upper then lower case is lower case, which ToLower gives
	// without copying a path that is lower case already.
	return strings.ToLower(p)
}

// nfc returns p in Unicode normalisation form C, so that "é" written as one
// code point and as "e" plus a combining accent (as macOS file names are)
// compare equal; ASCII is returned as it is.
func nfc(p string) string {
	for i := 0; i < len(p); i++ {
		if p[i] >= utf8.RuneSelf {
			return norm.NFC.String(p)
		}
	}
	return p
}

// isPage reports whether source names a markdown page.
func isPage(source string) bool {
	return strings.HasSuffix(source, ".md") || strings.HasSuffix(source, ".markdown")
}

// aliasURL shows an alias output path as the URL a reader would use.
func aliasURL(p string) string {
	return "/" + strings.TrimSuffix(p, "index.html")
}

// validMemo remembers the output paths of the last build that passed
// publish.Validate (in a Cache): the same paths pass again, so a rebuild
// compares them instead of validating every path anew.
type validMemo struct {
	mu    sync.Mutex
	paths []string
}

// validate is publish.Validate of files, through the Cache when there is
// one.
func (b *builder) validate(files []publish.File) error {
	if b.opts.Cache == nil {
		return publish.Validate(files)
	}
	m := &b.opts.Cache.steps.valid
	m.mu.Lock()
	defer m.mu.Unlock()
	if slices.EqualFunc(files, m.paths, func(f publish.File, p string) bool { return f.Path == p }) {
		return nil
	}
	m.paths = nil
	if err := publish.Validate(files); err != nil {
		return err
	}
	m.paths = make([]string, len(files))
	for i, f := range files {
		m.paths[i] = f.Path
	}
	return nil
}
