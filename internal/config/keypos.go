package config

import (
	"strconv"
	"strings"
)

// position is a 1-based line and column in a config file; file is the
// file's name relative to the site root, "" when Parse has no name for it.
type position struct {
	file      string
	line, col int
}

// inFile sets the file of every position to file.
func (kp keyPositions) inFile(file string) keyPositions {
	for k, p := range kp {
		p.file = file
		kp[k] = p
	}
	return kp
}

// keyPositions maps a key path (parts joined by pathSep) to where the key
// is first written: the key itself for "key = value", the header for
// "[table]", and the key inside an inline table.
//
// BurntSushi/toml records key positions but does not export them, so
// scanKeys recovers them with a small scanner. It runs only on source
// that the toml parser has already accepted, so it need not diagnose
// anything; on odd input it stops early and never panics.
type keyPositions map[string]position

// pathSep joins key parts; it cannot occur in a bare key and is vanishingly
// unlikely in a quoted one.
const pathSep = "\x00"

func joinPath(parts []string) string { return strings.Join(parts, pathSep) }

// lookup returns the position of path, or of its longest recorded prefix,
// or the zero position when nothing is known.
func (kp keyPositions) lookup(path []string) position {
	for n := len(path); n > 0; n-- {
		if p, ok := kp[joinPath(path[:n])]; ok {
			return p
		}
	}
	return position{}
}

type keyScanner struct {
	src       string
	i         int
	line      int
	lineStart int
	out       keyPositions
}

func scanKeys(src string) keyPositions {
	// A byte-order mark is not a column; count from after it.
	s := &keyScanner{src: strings.TrimPrefix(src, "\uFEFF"), line: 1, out: keyPositions{}}
	var table []string
	for s.i < len(s.src) {
		start := s.i
		s.skipSpace()
		if s.i >= len(s.src) {
			break
		}
		switch c := s.src[s.i]; {
		case c == '\n':
			s.newline()
		case c == '\r' || c == '#':
			s.skipLine()
		case c == '[':
			s.i++
			if s.peek() == '[' {
				s.i++
			}
			s.skipSpace()
			p := s.pos()
			key := s.key()
			table = key
			s.record(nil, key, p)
			s.skipLine()
		default:
			p := s.pos()
			key := s.key()
			if key == nil {
				s.skipLine()
				break
			}
			full := append(append([]string(nil), table...), key...)
			s.record(table, key, p)
			s.skipSpace()
			if s.peek() == '=' {
				s.i++
				s.value(full)
			}
			s.skipLine()
		}
		if s.i == start {
			s.i++ // guarantee progress on input the scanner does not understand
		}
	}
	return s.out
}

// record notes p for every prefix of prefix+key that extends prefix.
func (s *keyScanner) record(prefix, key []string, p position) {
	full := append(append([]string(nil), prefix...), key...)
	for n := len(prefix) + 1; n <= len(full); n++ {
		k := joinPath(full[:n])
		if _, ok := s.out[k]; !ok {
			s.out[k] = p
		}
	}
}

func (s *keyScanner) pos() position {
	return position{line: s.line, col: s.i - s.lineStart + 1} // bytes, as toml.ParseError counts
}

func (s *keyScanner) peek() byte {
	if s.i < len(s.src) {
		return s.src[s.i]
	}
	return 0
}

func (s *keyScanner) newline() {
	s.i++
	s.line++
	s.lineStart = s.i
}

func (s *keyScanner) skipSpace() {
	for s.i < len(s.src) && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
		s.i++
	}
}

// skipLine moves past the next newline (or to the end).
func (s *keyScanner) skipLine() {
	for s.i < len(s.src) && s.src[s.i] != '\n' {
		s.i++
	}
	if s.i < len(s.src) {
		s.newline()
	}
}

// skipBlank skips spaces, newlines and comments, as allowed inside arrays.
func (s *keyScanner) skipBlank() {
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case ' ', '\t', '\r':
			s.i++
		case '\n':
			s.newline()
		case '#':
			for s.i < len(s.src) && s.src[s.i] != '\n' {
				s.i++
			}
		default:
			return
		}
	}
}

// key reads a possibly dotted, possibly quoted key; nil if there is none.
func (s *keyScanner) key() []string {
	var parts []string
	for {
		s.skipSpace()
		var part string
		switch s.peek() {
		case '"':
			part = unquoteBasic(s.str('"'))
		case '\'':
			part = s.str('\'')
		default:
			j := s.i
			for s.i < len(s.src) && isBare(s.src[s.i]) {
				s.i++
			}
			if s.i == j {
				return parts
			}
			part = s.src[j:s.i]
		}
		parts = append(parts, part)
		s.skipSpace()
		if s.peek() != '.' {
			return parts
		}
		s.i++
	}
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// str reads a single-line string delimited by q and returns its raw body.
func (s *keyScanner) str(q byte) string {
	s.i++ // opening quote
	j := s.i
	for s.i < len(s.src) && s.src[s.i] != q && s.src[s.i] != '\n' {
		if q == '"' && s.src[s.i] == '\\' {
			s.i++
		}
		s.i++
	}
	end := min(s.i, len(s.src))
	if s.i < len(s.src) && s.src[s.i] == q {
		s.i++
	}
	return s.src[j:end]
}

// unquoteBasic resolves the escapes of a basic-string key as TOML does
// (\b \t \n \f \r \e \" \\ \xHH \uXXXX \UXXXXXXXX); an escape it does not
// know is kept as written, which only costs a position lookup.
func unquoteBasic(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		if r, ok := simpleEscape(s[i]); ok {
			b.WriteByte(r)
			continue
		}
		n := hexDigits(s[i])
		if n == 0 || i+n >= len(s) {
			b.WriteByte('\\')
			b.WriteByte(s[i])
			continue
		}
		v, err := strconv.ParseUint(s[i+1:i+1+n], 16, 32)
		if err != nil {
			b.WriteByte('\\')
			b.WriteByte(s[i])
			continue
		}
		b.WriteRune(rune(v))
		i += n
	}
	return b.String()
}

// simpleEscape returns the byte of TOML's one-letter escape \c.
func simpleEscape(c byte) (byte, bool) {
	switch c {
	case 'b':
		return '\b', true
	case 't':
		return '\t', true
	case 'n':
		return '\n', true
	case 'f':
		return '\f', true
	case 'r':
		return '\r', true
	case 'e':
		return 0x1b, true
	case '"', '\\':
		return c, true
	}
	return 0, false
}

// hexDigits returns how many hex digits follow the escape letter c, or 0.
func hexDigits(c byte) int {
	switch c {
	case 'x':
		return 2
	case 'u':
		return 4
	case 'U':
		return 8
	}
	return 0
}

// value skips one value, recording the keys of inline tables under path.
func (s *keyScanner) value(path []string) {
	s.skipSpace()
	switch {
	case strings.HasPrefix(s.src[s.i:], `"""`), strings.HasPrefix(s.src[s.i:], `'''`):
		s.multiline(s.src[s.i : s.i+3])
	case s.peek() == '"':
		s.str('"')
	case s.peek() == '\'':
		s.str('\'')
	case s.peek() == '[':
		s.i++
		for s.i < len(s.src) {
			s.skipBlank()
			switch s.peek() {
			case ']':
				s.i++
				return
			case ',':
				s.i++
			default:
				j := s.i
				s.value(path)
				if s.i == j {
					s.i++
				}
			}
		}
	case s.peek() == '{':
		s.i++
		for s.i < len(s.src) {
			s.skipBlank()
			switch s.peek() {
			case '}':
				s.i++
				return
			case ',':
				s.i++
			default:
				j := s.i
				p := s.pos()
				if key := s.key(); key != nil {
					s.record(path, key, p)
					s.skipSpace()
					if s.peek() == '=' {
						s.i++
					}
					s.value(append(append([]string(nil), path...), key...))
				}
				if s.i == j {
					s.i++
				}
			}
		}
	default:
		for s.i < len(s.src) && !strings.ContainsRune(",]}#\r\n", rune(s.src[s.i])) {
			s.i++
		}
	}
}

// multiline skips a multi-line string opened by delim, counting lines.
func (s *keyScanner) multiline(delim string) {
	s.i += 3
	for s.i < len(s.src) {
		switch {
		case strings.HasPrefix(s.src[s.i:], delim):
			s.i += 3
			// Up to two quotes may directly precede the closing delimiter.
			for k := 0; k < 2 && s.peek() == delim[0]; k++ {
				s.i++
			}
			return
		case s.src[s.i] == '\\' && delim == `"""`:
			s.i += 2
			if s.i <= len(s.src) && s.src[s.i-1] == '\n' {
				s.line++
				s.lineStart = s.i
			}
		case s.src[s.i] == '\n':
			s.newline()
		default:
			s.i++
		}
	}
}

// before orders positions by file, then line, then column.
func (p position) before(q position) bool {
	if p.file != q.file {
		return p.file < q.file
	}
	return p.line < q.line || p.line == q.line && p.col < q.col
}
