package linkcheck

import (
	"bytes"
	"sort"
	"strings"

	"github.com/quire-docs/quire/internal/pos"
)

// srcFile is a markdown file as Fix reads it: its bytes as on disk, and
// the text positions count in (content.Normalize's: a leading BOM
// dropped, CRLF as LF), with the map from one to the other.
type srcFile struct {
	raw   []byte
	norm  []byte
	bom   int   // 3 when raw starts with a BOM
	crs   []int // offsets in norm of each '\n' whose '\r' was dropped
	lines *pos.Lines
	defs  map[string]span // reference definitions by label; nil until used
}

var utf8BOM = []byte("\xEF\xBB\xBF")

// form is how a destination is written, which says what may replace it.
type form int

const (
	formRaw      form = iota // [t](url) or [r]: url
	formAngle                // [t](<url>) or [r]: <url>
	formAutolink             // <url>
	formBare                 // url (linkify)
)

// span is a destination's bytes in srcFile.norm and how they are written.
type span struct {
	start, end int
	form       form
	edit       Edit
}

func newSrcFile(raw []byte) *srcFile {
	f := &srcFile{raw: raw}
	b := raw
	if bytes.HasPrefix(b, utf8BOM) {
		f.bom, b = len(utf8BOM), b[len(utf8BOM):]
	}
	f.norm = b
	if bytes.Contains(b, []byte("\r\n")) {
		norm := make([]byte, 0, len(b))
		for i := 0; i < len(b); i++ {
			if b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n' {
				f.crs = append(f.crs, len(norm))
				continue
			}
			norm = append(norm, b[i])
		}
		f.norm = norm
	}
	f.lines = pos.New(f.norm)
	return f
}

// rawOff maps an offset of norm to raw.
func (f *srcFile) rawOff(n int) int {
	return n + f.bom + sort.SearchInts(f.crs, n)
}

// apply returns raw with the destinations of edits (sorted, apart)
// replaced, every other byte as it was.
func (f *srcFile) apply(edits []span) []byte {
	out := make([]byte, 0, len(f.raw))
	last := 0
	for _, e := range edits {
		out = append(out, f.raw[last:f.rawOff(e.start)]...)
		out = append(out, e.edit.New...)
		last = f.rawOff(e.end)
	}
	return append(out, f.raw[last:]...)
}

// locate finds the destination of the markdown link at s (whose Line and
// Column are at its '[', '!', '<' or first character) and checks that
// its bytes are s.Text, the destination as markdown read it. It returns
// why not otherwise.
func (f *srcFile) locate(s Source) (span, string) {
	b := f.norm
	off := f.lines.Offset(s.Line, s.Column)
	if off >= len(b) || f.lines.Line(off) != s.Line {
		return span{}, "the file changed since it was checked"
	}
	var sp span
	ok := true
	switch b[off] {
	case '{':
		return span{}, "the link is made by a shortcode"
	case '!':
		if off+1 >= len(b) || b[off+1] != '[' {
			ok = false
			break
		}
		off++
		fallthrough
	case '[':
		sp, ok = f.linkDest(off)
	case '<':
		end := bytes.IndexAny(b[off+1:], ">\n")
		if ok = end >= 0 && b[off+1+end] == '>'; ok {
			sp = span{start: off + 1, end: off + 1 + end, form: formAutolink}
		}
	default:
		text := s.Text
		if bytes.HasPrefix(b[off:], []byte("www.")) {
			text = strings.TrimPrefix(text, "http://") // linkify's scheme for www. URLs
		}
		sp = span{start: off, end: min(off+len(text), len(b)), form: formBare}
		if string(b[sp.start:sp.end]) == text {
			return sp, ""
		}
	}
	if !ok {
		return span{}, "its destination could not be read"
	}
	// The bytes must be the URL, not only what markdown reads as it.
	if got := b[sp.start:sp.end]; string(got) != s.Text || decodeDest(s.Text) != s.Text {
		return span{}, mismatch(got)
	}
	return sp, ""
}

// mismatch says why destination bytes got are not the URL markdown read.
func mismatch(got []byte) string {
	switch {
	case bytes.Contains(got, []byte("{{")):
		return "its destination is made by a shortcode"
	case bytes.IndexByte(got, '\\') >= 0:
		return "its destination has an escaped character"
	case bytes.IndexByte(got, '&') >= 0:
		return "its destination has an entity reference"
	}
	return "its destination is not the URL as written (the file changed since it was checked?)"
}

// linkDest finds the destination of the link or image whose label starts
// at b[off] == '[': inline, or the definition of a full, collapsed or
// shortcut reference.
func (f *srcFile) linkDest(off int) (span, bool) {
	b := f.norm
	end := closeBracket(b, off)
	if end < 0 {
		return span{}, false
	}
	ref := b[off+1 : end]
	i := end + 1
	if i < len(b) && b[i] == '(' {
		return dest(b, skipSpace(b, i+1))
	}
	if i < len(b) && b[i] == '[' {
		if e := closeBracket(b, i); e >= 0 && len(bytes.TrimSpace(b[i+1:e])) > 0 {
			ref = b[i+1 : e]
		}
	}
	sp, ok := f.definitions()[label(ref)]
	return sp, ok
}

// definitions returns the reference definitions of the file, by label,
// the first of each label (as markdown takes it). Lines in fenced code
// and lines continuing a paragraph are not definitions.
func (f *srcFile) definitions() map[string]span {
	if f.defs != nil {
		return f.defs
	}
	f.defs = map[string]span{}
	b := f.norm
	var fence byte
	fenceLen := 0
	inText := false // the line before continues a paragraph
	for start := 0; start < len(b); {
		end := bytes.IndexByte(b[start:], '\n')
		if end < 0 {
			end = len(b)
		} else {
			end += start
		}
		line := b[start:end]
		ind := len(line) - len(bytes.TrimLeft(line, " "))
		rest := line[ind:]
		text := true
		switch {
		case fence != 0:
			if n := run(rest, fence); n >= fenceLen && len(bytes.TrimSpace(rest[n:])) == 0 {
				fence = 0
			}
			text = false
		case ind > 3:
		case len(bytes.TrimSpace(line)) == 0, rest[0] == '#':
			text = false
		case run(rest, '`') >= 3 || run(rest, '~') >= 3:
			fence, fenceLen, text = rest[0], run(rest, rest[0]), false
		case rest[0] == '[' && !inText:
			if e := closeBracket(b, start+ind); e >= 0 && e+1 < len(b) && b[e+1] == ':' {
				k := label(b[start+ind+1 : e])
				if _, seen := f.defs[k]; !seen && k != "" {
					if sp, ok := dest(b, skipSpace(b, e+2)); ok {
						f.defs[k] = sp
					}
				}
				text = false
			}
		}
		inText = text
		start = end + 1
	}
	return f.defs
}

// label normalises a reference label: case folded, runs of white space
// as one space.
func label(b []byte) string {
	return strings.ToLower(strings.Join(strings.Fields(string(b)), " "))
}

// run returns how many times c repeats at the start of b.
func run(b []byte, c byte) int {
	n := 0
	for n < len(b) && b[n] == c {
		n++
	}
	return n
}

// closeBracket returns the offset of the ']' closing the '[' at b[off],
// skipping escapes, code spans and nested brackets; -1 when there is none
// before a blank line.
func closeBracket(b []byte, off int) int {
	depth := 0
	for i := off; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '`':
			n := run(b[i:], '`')
			if j := closingTicks(b, i+n, n); j >= 0 {
				i = j + n - 1
			} else {
				i += n - 1
			}
		case '[':
			depth++
		case ']':
			if depth--; depth == 0 {
				return i
			}
		case '\n':
			next := b[i+1:]
			if k := bytes.IndexByte(next, '\n'); k >= 0 {
				next = next[:k]
			}
			if len(bytes.TrimLeft(next, " \t")) == 0 {
				return -1 // a blank line ends the paragraph
			}
		}
	}
	return -1
}

// closingTicks returns the offset of the next run of exactly n backticks
// from b[i], -1 when there is none.
func closingTicks(b []byte, i, n int) int {
	for i < len(b) {
		j := bytes.IndexByte(b[i:], '`')
		if j < 0 {
			return -1
		}
		i += j
		if m := run(b[i:], '`'); m == n {
			return i
		} else {
			i += m
		}
	}
	return -1
}

// skipSpace skips spaces and tabs and at most one line ending from b[i].
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	if i < len(b) && b[i] == '\n' {
		i++
		for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
			i++
		}
	}
	return i
}

// dest reads a link destination at b[i]: <...> or a run of non-space
// bytes with balanced parentheses.
func dest(b []byte, i int) (span, bool) {
	if i < len(b) && b[i] == '<' {
		for j := i + 1; j < len(b); j++ {
			switch b[j] {
			case '\\':
				j++
			case '>':
				return span{start: i + 1, end: j, form: formAngle}, true
			case '\n', '<':
				return span{}, false
			}
		}
		return span{}, false
	}
	j, depth := i, 0
	for ; j < len(b); j++ {
		c := b[j]
		if c <= ' ' || c == 0x7f {
			break
		}
		if c == '\\' && j+1 < len(b) {
			j++
			continue
		}
		if c == '(' {
			depth++
		} else if c == ')' {
			if depth == 0 {
				break
			}
			depth--
		}
	}
	return span{start: i, end: min(j, len(b)), form: formRaw}, j > i
}
