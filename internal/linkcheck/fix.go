package linkcheck

import (
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"

	"github.com/quire-docs/quire/internal/diag"
)

// Edit is one destination Fix rewrites, Old → New: at Line and Column
// (in characters) of the file, for the link at Source (a reference
// definition is rewritten once, for the first link that uses it).
type Edit struct {
	Line, Column int
	Source       Source
	Old, New     string
}

// FileFix is one file Fix rewrites: its bytes before and after.
type FileFix struct {
	File     string // slash path relative to the site root
	Old, New []byte
	Edits    []Edit // in file order
}

// FixPlan is what Fix would do: the files it rewrites, and a warning for
// each place of a moved link it leaves alone, saying why.
type FixPlan struct {
	Files []FileFix // sorted by file
	Notes diag.List // sorted
}

// PlanFix plans the rewrite of every link of results that moved for good
// (Result.MovedTo: every redirect 301 or 308, and the page there ok) to
// the URL it moved to, in the markdown files of fsys (the site root) that
// cite it. Only the bytes of each destination change: the URL of an
// inline link or image, an autolink, a bare URL, or the reference
// definition a reference link uses (once, however many links use it). A
// fragment written in the link is kept when the new URL has none.
//
// A place is left alone, with a note, when its destination is not the
// URL byte for byte (escapes, entity references, a shortcode's output),
// when the new URL cannot be written there as it is, and when the link is
// not markdown (raw HTML, a layout's link). Skipped results (ignored by a
// comment) are not fixed.
func (l *Links) PlanFix(fsys fs.FS, results []Result) FixPlan {
	cited := map[string]bool{}
	for _, r := range results {
		if r.MovedTo != "" {
			for _, s := range r.Sources {
				cited[s.File] = true
			}
		}
	}
	// The places of markdown links (their '[', '!', '<' or first
	// character), as sources gives them; other places of a link are text
	// (raw HTML, a shortcode's argument) or a layout's.
	marks := map[Source]bool{}
	pages := map[string]bool{}
	for _, d := range l.docs {
		if d == nil || d.page == nil || !cited[d.page.File] {
			continue
		}
		pages[d.page.File] = true
		for _, ml := range d.page.Links {
			if ml.Line > 0 {
				marks[Source{File: d.page.File, Line: ml.Line, Column: ml.Column, Text: ml.Dest}] = true
			}
		}
	}
	return planFix(fsys, results, func(s Source) bool { return marks[s] }, func(f string) bool { return pages[f] })
}

// planFix is PlanFix with markdown telling the places of markdown links
// and page the files of pages.
func planFix(fsys fs.FS, results []Result, markdown func(Source) bool, page func(file string) bool) FixPlan {
	var plan FixPlan
	type placed struct {
		src Source
		new string
	}
	byFile := map[string][]placed{}
	for _, r := range results {
		if r.MovedTo == "" || r.Outcome == Skipped || r.Outcome == OK {
			continue
		}
		for _, s := range r.Sources {
			n := newDest(r.MovedTo, s.Text, r.URL)
			switch {
			case markdown(s) && normURL(noFragment(decodeDest(s.Text))) == normURL(noFragment(r.URL)):
				byFile[s.File] = append(byFile[s.File], placed{s, n})
			case markdown(s):
				plan.Notes.Add(leftAlone(s, s.Text, n, "the URL checked is not its destination (a render hook made it)"))
			case page(s.File) && s.Line > 0:
				plan.Notes.Add(leftAlone(s, s.Text, n, "the link is in raw HTML or a shortcode's arguments"))
			case page(s.File):
				plan.Notes.Add(leftAlone(s, r.URL, n, "where the page writes it is not known"))
			default:
				plan.Notes.Add(leftAlone(s, r.URL, n, "the link is made by a template; change it there"))
			}
		}
	}
	files := make([]string, 0, len(byFile))
	for f := range byFile {
		files = append(files, f)
	}
	slices.Sort(files)
	for _, name := range files {
		raw, err := fs.ReadFile(fsys, name)
		if err != nil {
			for _, p := range byFile[name] {
				plan.Notes.Add(leftAlone(p.src, p.src.Text, p.new, "%v", err))
			}
			continue
		}
		sf := newSrcFile(raw)
		var edits []span
		for _, p := range byFile[name] {
			sp, why := sf.locate(p.src)
			if why == "" {
				why = fitsAt(p.new, sp.form)
			}
			if why != "" {
				plan.Notes.Add(leftAlone(p.src, p.src.Text, p.new, "%s", why))
				continue
			}
			line, col := sf.lines.Position(sp.start)
			sp.edit = Edit{Line: line, Column: col, Source: p.src, Old: p.src.Text, New: p.new}
			edits = append(edits, sp)
		}
		edits, notes := settle(edits)
		for _, n := range notes {
			plan.Notes.Add(n)
		}
		if len(edits) == 0 {
			continue
		}
		ff := FileFix{File: name, Old: raw, New: sf.apply(edits)}
		for _, e := range edits {
			ff.Edits = append(ff.Edits, e.edit)
		}
		plan.Files = append(plan.Files, ff)
	}
	plan.Notes.Sort()
	return plan
}

// newDest is the destination a link written as dest, to url, gets when
// url moved to moved: moved, with dest's fragment when moved has none.
func newDest(moved, dest, url string) string {
	if dest == "" {
		dest = url
	}
	if strings.Contains(moved, "#") {
		return moved
	}
	if i := strings.IndexByte(dest, '#'); i >= 0 {
		return moved + dest[i:]
	}
	return moved
}

func noFragment(u string) string {
	if i := strings.IndexByte(u, '#'); i >= 0 {
		return u[:i]
	}
	return u
}

// leftAlone is the note for a place Fix does not rewrite.
func leftAlone(s Source, old, new, format string, args ...any) *diag.Diagnostic {
	return diag.Warnf(s.File, s.Line, s.Column, "--fix left %q alone: %s", old, fmt.Sprintf(format, args...)).
		WithHint("rewrite it by hand to %q", new)
}

// settle sorts edits by position, keeps one of those at one destination
// (a reference definition several links use) and drops those that
// overlap another, with a note.
func settle(edits []span) ([]span, []*diag.Diagnostic) {
	slices.SortStableFunc(edits, func(a, b span) int { return a.start - b.start })
	var out []span
	var notes []*diag.Diagnostic
	for _, e := range edits {
		if n := len(out); n > 0 {
			last := out[n-1]
			if e.start == last.start && e.end == last.end && e.edit.New == last.edit.New {
				continue
			}
			if e.start < last.end {
				notes = append(notes, leftAlone(e.edit.Source, e.edit.Old, e.edit.New, "another rewrite changes the same bytes"))
				continue
			}
		}
		out = append(out, e)
	}
	return out, notes
}

// entityRef matches an HTML entity or numeric character reference, which
// markdown would decode in a destination.
var entityRef = regexp.MustCompile(`&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// fitsAt says why url cannot be written as a destination of form as it
// is, "" when it can: markdown would read it as another URL.
func fitsAt(url string, f form) string {
	bad := func(why string) string { return "the new URL " + why + "; markdown would read it otherwise" }
	if url == "" {
		return "the new URL is empty"
	}
	if strings.IndexByte(url, '\\') >= 0 {
		return bad(`has a "\"`)
	}
	if entityRef.MatchString(url) {
		return bad("has an entity reference")
	}
	for _, c := range []byte(url) {
		if c <= ' ' || c == 0x7f {
			return bad("has white space or a control character")
		}
	}
	switch f {
	case formAngle, formAutolink:
		if strings.ContainsAny(url, "<>") {
			return bad(`has "<" or ">"`)
		}
	case formRaw:
		depth := 0
		for _, c := range []byte(url) {
			switch c {
			case '(':
				depth++
			case ')':
				if depth--; depth < 0 {
					return bad(`has an unbalanced ")"`)
				}
			}
		}
		if depth != 0 || strings.HasPrefix(url, "<") {
			return bad(`has an unbalanced "(" or starts with "<"`)
		}
	case formBare:
		if strings.ContainsAny(url, "<>") || strings.ContainsAny(url[len(url)-1:], "?!.,:*_~'\")") {
			return bad(`ends in punctuation or has "<" or ">" (a bare URL)`)
		}
		if !strings.HasPrefix(url, "http://") && !strings.HasPrefix(url, "https://") {
			return bad("is not http(s) (a bare URL)")
		}
	}
	return ""
}
