package content

import (
	"bytes"
	"fmt"
	"hash/fnv"

	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/pos"
)

// Format is the syntax of a page's front matter.
type Format int

const (
	FormatNone Format = iota // no front matter: the whole file is body
	FormatYAML               // between lines of ---
	FormatTOML               // between lines of +++
	FormatJSON               // a JSON object starting with { on line 1
)

func (f Format) String() string {
	switch f {
	case FormatYAML:
		return "YAML"
	case FormatTOML:
		return "TOML"
	case FormatJSON:
		return "JSON"
	}
	return "none"
}

// FrontMatter is a page source split into its front matter and body.
//
// The source is normalised first: a leading UTF-8 byte order mark is dropped
// and CRLF line endings become LF. Neither changes line numbers, and columns
// are counted as an editor shows them (the BOM is invisible), so positions in
// Raw map to the file by adding RawLine-1 to the line.
type FrontMatter struct {
	Format   Format
	Raw      []byte // the front matter without its delimiter lines (JSON: the whole object)
	RawLine  int    // 1-based line of the file where Raw starts (0 for FormatNone)
	Body     []byte // everything after the closing delimiter line
	BodyLine int    // 1-based line of the file where Body starts
	// LongClose is the closing delimiter line when it has more than three
	// delimiters ("----"), which Hugo accepts; "" when it is exact.
	LongClose string
}

var bom = []byte("\xEF\xBB\xBF")

// Normalize drops a leading UTF-8 BOM and turns CRLF line endings into LF,
// the form SplitFrontMatter works on.
func Normalize(src []byte) []byte {
	src = bytes.TrimPrefix(src, bom)
	if bytes.Contains(src, []byte("\r\n")) {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	}
	return src
}

// SplitFrontMatter finds the front matter at the top of src (YAML between
// lines of exactly ---, TOML between lines of exactly +++, trailing blanks
// allowed, or a JSON object whose { is the first byte) and returns it with the
// body. A closing line of more delimiters ("----") closes it too, as in Hugo,
// and is kept in LongClose for the caller to warn about. file names src in diagnostics. An error is a *diag.Diagnostic at the
// place in the file where the delimiters go wrong.
func SplitFrontMatter(file string, src []byte) (FrontMatter, error) {
	src = Normalize(src)
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	switch string(trimBlankRight(first)) {
	case "---":
		return splitDelimited(file, src, rest, FormatYAML, '-')
	case "+++":
		return splitDelimited(file, src, rest, FormatTOML, '+')
	}
	if len(src) > 0 && src[0] == '{' {
		return splitJSON(file, src)
	}
	return FrontMatter{Format: FormatNone, Body: src, BodyLine: 1}, nil
}

// splitDelimited splits front matter that starts after line 1 and ends at
// the first line of three or more delim bytes.
func splitDelimited(file string, src, rest []byte, format Format, delim byte) (FrontMatter, error) {
	want := string([]byte{delim, delim, delim})
	fm := FrontMatter{Format: format, RawLine: 2}
	off := len(src) - len(rest) // offset of line 2
	line := 2
	for off < len(src) {
		end := bytes.IndexByte(src[off:], '\n')
		next := len(src)
		text := src[off:]
		if end >= 0 {
			text = src[off : off+end]
			next = off + end + 1
		}
		t := trimBlankRight(text)
		if len(t) >= 3 && allByte(t, delim) {
			fm.Raw = src[len(src)-len(rest) : off]
			fm.Body = src[next:]
			fm.BodyLine = line + 1
			if len(t) > 3 {
				fm.LongClose = string(t)
			}
			return fm, nil
		}
		off = next
		line++
	}
	return FrontMatter{}, diag.Errorf(file, 1, 1, "unterminated %s front matter: no closing %s line", format, want).
		WithHint("close the front matter with a line of exactly %s", want)
}

// splitJSON splits a JSON object at the top of src at its matching brace.
// The rest of the closing brace's line must be blank.
func splitJSON(file string, src []byte) (FrontMatter, error) {
	depth := 0
	inString, escaped := false, false
	for i, c := range src {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		case c == '"':
			inString = true
		case c == '{':
			depth++
		case c == '}':
			depth--
		}
		if depth > 0 {
			continue
		}
		line := 1 + bytes.Count(src[:i], []byte("\n"))
		tail := src[i+1:]
		eol := bytes.IndexByte(tail, '\n')
		after := tail
		if eol >= 0 {
			after = tail[:eol]
		}
		if len(bytes.TrimSpace(after)) > 0 {
			_, col := pos.New(src).Position(i + 1 + len(after) - len(bytes.TrimLeft(after, " \t")))
			return FrontMatter{}, diag.Errorf(file, line, col, "unexpected text after the JSON front matter").
				WithHint("end the JSON front matter with } alone at the end of its line")
		}
		fm := FrontMatter{Format: FormatJSON, Raw: src[:i+1], RawLine: 1, BodyLine: line + 1}
		if eol >= 0 {
			fm.Body = tail[eol+1:]
		} else {
			fm.Body = tail[len(tail):]
		}
		return fm, nil
	}
	return FrontMatter{}, diag.Errorf(file, 1, 1, "unterminated JSON front matter: no matching }").
		WithHint("close the JSON front matter with the } that matches the { on line 1")
}

func trimBlankRight(b []byte) []byte { return bytes.TrimRight(b, " \t") }

func allByte(b []byte, c byte) bool {
	for _, x := range b {
		if x != c {
			return false
		}
	}
	return true
}

// FrontSum is a 128-bit FNV-1a hash of fm's format and raw front matter,
// of where the body starts and of a long closing line: two sources with
// one sum have the same front matter, line for line.
func FrontSum(fm FrontMatter) [16]byte {
	h := fnv.New128a()
	fmt.Fprintf(h, "%d:%d:%d:%s:", fm.Format, fm.RawLine, fm.BodyLine, fm.LongClose)
	h.Write(fm.Raw)
	var sum [16]byte
	h.Sum(sum[:0])
	return sum
}
