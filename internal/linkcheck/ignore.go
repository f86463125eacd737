package linkcheck

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/pos"
)

// The ignore comments of markdown:
//
//	<!-- linkcheck-disable-next-line [PATTERN...] -->
//	<!-- linkcheck-disable [PATTERN...] --> ... <!-- linkcheck-enable -->
//
// The first ignores the links on the line after the comment, the second
// those after it up to the next linkcheck-enable (or the end of the
// file). With patterns, only links whose URL, as written or as checked,
// matches one of them (a "*" matches any run of characters, "/" included;
// the rest is literal; the whole URL must match).
const (
	dirNextLine = "linkcheck-disable-next-line"
	dirDisable  = "linkcheck-disable"
	dirEnable   = "linkcheck-enable"
)

var directiveNames = []string{dirNextLine, dirDisable, dirEnable}

// place is a position in a file: line, and column in characters.
type place struct{ line, col int }

func (a place) before(b place) bool {
	return a.line < b.line || a.line == b.line && a.col < b.col
}

// directive is one ignore comment.
type directive struct {
	name     string
	file     string
	at       place    // of its "<!--"
	from, to place    // it covers the places p with from <= p < to
	patterns []string // none: every URL
	used     bool     // it ignored a problem, or covers a link not checked
}

// covers reports whether d ignores the link to url (written as text) at s.
func (d *directive) covers(url string, s Source) bool {
	p := place{s.Line, s.Column}
	if d.name == dirEnable || s.File != d.file || s.Line == 0 || p.before(d.from) || !p.before(d.to) {
		return false
	}
	if len(d.patterns) == 0 {
		return true
	}
	for _, pat := range d.patterns {
		if globMatch(pat, url) || s.Text != "" && globMatch(pat, s.Text) {
			return true
		}
	}
	return false
}

// Ignores are the ignore comments of a site's markdown, read from a
// file when a link it cites is looked at (so a build with no broken link
// reads none). It is for one goroutine at a time.
type Ignores struct {
	pages map[string]*Page        // by file
	dirs  map[string][]*directive // by file, in order; an entry once read
	diags diag.List               // comments that look like directives and are not
}

// Ignores returns the ignore comments of every page's markdown. Comments
// are found as markdown reads them (HTML blocks and inline raw HTML), so
// one in a code block or code span is not a directive.
func (l *Links) Ignores() *Ignores {
	ig := &Ignores{pages: map[string]*Page{}, dirs: map[string][]*directive{}}
	for _, d := range l.docs {
		if d != nil && d.page != nil && d.page.File != "" {
			ig.pages[d.page.File] = d.page
		}
	}
	return ig
}

// file returns the directives of file, reading them on first use.
func (ig *Ignores) file(file string) []*directive {
	if dirs, ok := ig.dirs[file]; ok {
		return dirs
	}
	var dirs []*directive
	if p := ig.pages[file]; p != nil && bytes.Contains(p.Body, []byte("linkch")) {
		var diags []*diag.Diagnostic
		dirs, diags = parseIgnores(p.File, p.Body, p.BodyLine)
		ig.diags = append(ig.diags, diags...)
	}
	ig.dirs[file] = dirs
	return dirs
}

// Apply returns results with the places that ignore comments cover taken
// out of each broken link or warning. A result all of whose places are
// covered is Skipped, its places kept, with the reason. Ok and skipped
// results are returned as they are: a comment that covers only those
// ignores nothing.
func (ig *Ignores) Apply(results []Result) []Result {
	out := make([]Result, len(results))
	for i, r := range results {
		out[i] = r
		if r.Outcome != Error && r.Outcome != Warning {
			continue
		}
		var kept []Source
		var by *directive
		for _, s := range r.Sources {
			if d := ig.cover(r.URL, s); d != nil {
				by = d
				continue
			}
			kept = append(kept, s)
		}
		switch {
		case by == nil:
		case len(kept) > 0:
			out[i].Sources = kept
		default:
			out[i].Outcome = Skipped
			out[i].Reason = fmt.Sprintf("ignored by <!-- %s --> at %s:%d:%d", by.name, by.file, by.at.line, by.at.col)
			if r.Reason != "" {
				out[i].Reason += " (" + r.Reason + ")"
			}
		}
	}
	return out
}

// Unchecked marks the comments that cover a place of results as used:
// links that were not checked (external links, offline) may be broken,
// so a comment for them is not stale.
func (ig *Ignores) Unchecked(results []Result) {
	for _, r := range results {
		for _, s := range r.Sources {
			ig.cover(r.URL, s)
		}
	}
}

// cover marks every comment covering the link to url at s as used and
// returns the first, nil when none does.
func (ig *Ignores) cover(url string, s Source) *directive {
	var first *directive
	for _, d := range ig.file(s.File) {
		if d.covers(url, s) {
			d.used = true
			if first == nil {
				first = d
			}
		}
	}
	return first
}

// Warnings returns a warning for each comment that looks like a
// directive and is not one, and for each directive that ignored nothing
// (in Apply or Unchecked): a stale comment hides the next broken link
// put there.
func (ig *Ignores) Warnings() diag.List {
	for f := range ig.pages {
		ig.file(f)
	}
	l := append(diag.List{}, ig.diags...)
	for _, dirs := range ig.dirs {
		for _, d := range dirs {
			if d.name != dirEnable && !d.used {
				l.Add(diag.Warnf(d.file, d.at.line, d.at.col, "%s suppresses nothing; remove it", d.name))
			}
		}
	}
	l.Sort()
	return l
}

// parseIgnores returns the ignore comments of a markdown body, which
// starts on line bodyLine of file, and warnings for comments that look
// like one and are not.
func parseIgnores(file string, body []byte, bodyLine int) ([]*directive, []*diag.Diagnostic) {
	doc := goldmark.DefaultParser().Parse(text.NewReader(body))
	lines := pos.NewAt(body, bodyLine)
	var dirs []*directive
	var diags []*diag.Diagnostic
	var open []*directive // disables not yet enabled
	end := place{line: 1 << 30}
	scan := func(start, stop int) {
		for off := start; off < stop; {
			i := bytes.Index(body[off:stop], []byte("<!--"))
			if i < 0 {
				return
			}
			i += off
			j := bytes.Index(body[i+4:stop], []byte("-->"))
			if j < 0 {
				return
			}
			j += i + 4
			off = j + 3
			fields := strings.Fields(string(body[i+4 : j]))
			if len(fields) == 0 {
				continue
			}
			at, after := place{}, place{}
			at.line, at.col = lines.Position(i)
			after.line, after.col = lines.Position(off)
			name := fields[0]
			switch name {
			case dirNextLine:
				dirs = append(dirs, &directive{name: name, file: file, at: at, from: place{after.line + 1, 1}, to: place{after.line + 2, 1}, patterns: fields[1:]})
			case dirDisable:
				d := &directive{name: name, file: file, at: at, from: after, to: end, patterns: fields[1:]}
				dirs, open = append(dirs, d), append(open, d)
			case dirEnable:
				if len(open) == 0 {
					diags = append(diags, diag.Warnf(file, at.line, at.col, "%s without a %s before it; remove it", dirEnable, dirDisable))
				}
				if len(fields) > 1 {
					diags = append(diags, diag.Warnf(file, at.line, at.col, "%s takes no patterns", dirEnable).
						WithHint("it ends every %s before it", dirDisable))
				}
				for _, d := range open {
					d.to = at
				}
				open = nil
				dirs = append(dirs, &directive{name: name, file: file, at: at})
			default:
				lower := strings.ToLower(name)
				guess := diag.Closest(lower, directiveNames)
				if guess == "" && !strings.HasPrefix(lower, "linkcheck") {
					continue
				}
				d := diag.Warnf(file, at.line, at.col, "unknown directive %q: the comment is ignored", name)
				if guess != "" {
					d = d.WithHint("did you mean %q?", guess)
				} else {
					d = d.WithHint("the directives are %s", strings.Join(directiveNames, ", "))
				}
				diags = append(diags, d)
			}
		}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			if ls := n.Lines(); ls.Len() > 0 {
				stop := ls.At(ls.Len() - 1).Stop
				if n.HasClosure() {
					stop = n.ClosureLine.Stop
				}
				scan(ls.At(0).Start, stop)
			}
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				scan(n.Segments.At(0).Start, n.Segments.At(n.Segments.Len()-1).Stop)
			}
		}
		return ast.WalkContinue, nil
	})
	return dirs, diags
}

// globMatch reports whether s matches pattern, in which "*" matches any
// run of characters ("/" too) and every other character itself.
func globMatch(pattern, s string) bool {
	px, sx := 0, 0
	star, mark := -1, 0 // the last "*" seen, and where in s it matched
	for sx < len(s) {
		switch {
		case px < len(pattern) && pattern[px] == '*':
			star, mark = px, sx
			px++
		case px < len(pattern) && pattern[px] == s[sx]:
			px++
			sx++
		case star >= 0:
			mark++
			px, sx = star+1, mark
		default:
			return false
		}
	}
	for px < len(pattern) && pattern[px] == '*' {
		px++
	}
	return px == len(pattern)
}
