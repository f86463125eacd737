package content

import (
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/quire-docs/quire/internal/diag"
)

// Permalinks are Hugo's [permalinks] URL patterns, such as
// "/:year/:month/:slug/", by page kind, then by the lower-cased name of a
// top-level section: Page applies to the pages under the section, Section
// to the section's own page and its subsections. A front matter url wins
// over a pattern; a slug is what :slug gives.
type Permalinks struct {
	Page    map[string]string
	Section map[string]string
}

// permalinkToken matches a token of a pattern, as Hugo does: ":name", with
// an optional slice such as ":sections[1:]".
var permalinkToken = regexp.MustCompile(`:\w+(\[.+?\])?`)

// permalinkPattern is the pattern of Options.Permalinks for p, or "".
func (l *loader) permalinkPattern(p *Page) string {
	var m map[string]string
	switch p.Kind {
	case KindPage:
		m = l.opts.Permalinks.Page
	case KindSection:
		m = l.opts.Permalinks.Section
	}
	if len(m) == 0 {
		return ""
	}
	if sec := topSection(p); sec != "" {
		return m[strings.ToLower(sec)]
	}
	return ""
}

// applyPermalink gives p the URL that pattern expands to for it, lower-
// cased unless Options.KeepCase. A path ending in .html or .xml names the
// output file; any other is a directory with index.html in it.
func (l *loader) applyPermalink(p *Page, pattern string) {
	u := permalinkToken.ReplaceAllStringFunc(pattern, func(tok string) string {
		return permalinkValue(p, tok[1:])
	})
	if !l.opts.KeepCase {
		u = strings.ToLower(u)
	}
	clean := path.Clean("/" + u)
	if seg := firstSegment(clean); l.dotDenied(seg) {
		l.diags.Add(diag.Errorf(p.File, 0, 0, "permalink pattern %q gives %s, under %s, a name starting with \".\"", pattern, clean, seg).
			WithHint("%s", dotHint))
		return
	}
	l.setPath(p, clean)
	if l.patterns == nil {
		l.patterns = make(map[*Page]string)
	}
	l.patterns[p] = pattern
}

// topSection is the top-level directory p is under ("" at the root).
func topSection(p *Page) string {
	d := pageDir(p)
	if p.Kind == KindSection {
		d = sectionDir(p)
	}
	first, _, _ := strings.Cut(d, "/")
	return first
}

// permalinkValue is what the token attr (without its ":") gives for p, by
// Hugo's rules; an unknown token is left as written.
func permalinkValue(p *Page, attr string) string {
	date := p.Date
	if date.IsZero() {
		date = p.Lastmod
	}
	name, slice, sliced := strings.Cut(attr, "[")
	switch {
	case sliced && name == "sections":
		return strings.Join(sliceOf(sectionsOf(p), strings.TrimSuffix(slice, "]")), "/")
	case sliced:
		return ":" + attr
	}
	switch name {
	case "year":
		return strconv.Itoa(date.Year())
	case "month":
		return fmt.Sprintf("%02d", int(date.Month()))
	case "monthname":
		return date.Month().String()
	case "day":
		return fmt.Sprintf("%02d", date.Day())
	case "weekday":
		return strconv.Itoa(int(date.Weekday()))
	case "weekdayname":
		return date.Weekday().String()
	case "yearday":
		return strconv.Itoa(date.YearDay())
	case "section":
		return topSection(p)
	case "sections":
		return strings.Join(sectionsOf(p), "/")
	case "title":
		return sanitize(p.Title)
	case "slug":
		if p.Slug != "" {
			return sanitize(p.Slug)
		}
		return sanitize(p.Title)
	case "filename", "contentbasename":
		return sanitize(contentBaseName(p))
	case "slugorfilename", "slugorcontentbasename":
		if p.Slug != "" {
			return sanitize(p.Slug)
		}
		return sanitize(contentBaseName(p))
	}
	if referenceTime.Format(name) != name {
		return date.Format(name) // a Go time layout, such as :06 or :Jan
	}
	return ":" + attr
}

// referenceTime is a date whose formatting changes every layout element.
var referenceTime = time.Date(2019, 9, 10, 11, 12, 13, 0, time.UTC)

// sectionsOf is the directories of p's section (for a section, its own),
// from the top: Hugo's :sections.
func sectionsOf(p *Page) []string {
	s := p
	if p.Kind == KindPage {
		s = p.Parent
	}
	if s == nil || s.Kind == KindHome {
		return nil
	}
	return strings.Split(sectionDir(s), "/")
}

// sliceOf is s sliced by Hugo's spec: "1:", ":last", "last", "1:2" or
// "0", where last is the index of the last element. Bounds out of range
// are clamped, never an error.
func sliceOf(s []string, spec string) []string {
	idx := func(x string, def int) int {
		switch x = strings.TrimSpace(x); x {
		case "":
			return def
		case "last":
			return len(s) - 1
		}
		n, err := strconv.Atoi(x)
		if err != nil {
			return 0
		}
		return n
	}
	lo, hi, isRange := strings.Cut(spec, ":")
	a := idx(lo, 0)
	b := a + 1
	if isRange {
		b = idx(hi, len(s))
	}
	a, b = max(0, min(a, len(s))), max(0, min(b, len(s)))
	if a >= b {
		return nil
	}
	return s[a:b]
}

// contentBaseName is Hugo's ContentBaseName: a file's name without its
// extension, or for a leaf bundle or section its directory's name.
func contentBaseName(p *Page) string {
	if p.Kind == KindSection || isBundleIndex(p.Path) {
		return lastSegment(p)
	}
	return baseName(p.Path)
}

// sanitize makes s a URL path as Hugo does for :title and :slug: runs of
// white space become one dash, and only letters, digits, marks and
// ./_#+~-@ are kept (and %XX escapes).
func sanitize(s string) string {
	var b strings.Builder
	dash := false
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || strings.ContainsRune("./_#+~-@", r) ||
			r == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			if dash && r != '-' && b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case unicode.IsSpace(r):
			dash = true
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
