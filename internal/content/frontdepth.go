package content

import (
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/pos"
)

// MaxFrontMatterDepth bounds how deeply front matter's lists and maps may
// nest. Real front matter nests a few levels; go-yaml's memory grows with
// the square of the depth (80 KB of "[" took 2.5 GB) and BurntSushi/toml
// recurses once per level, so deeper front matter is refused before any
// decoder sees it.
const MaxFrontMatterDepth = 100

// checkDepth returns a diagnostic at the first place where fm's
// collections nest deeper than limit, or nil.
//
// It is a cheap scan of the bytes, not a parser, and errs on the deep
// side: it counts every "[" and "{" outside quoted strings and comments
// (in YAML only where a flow collection can start), and in YAML adds the
// block collections open at a line's indentation and the "- " and "? "
// entries that start it. Block scalars (| and >) are skipped.
func checkDepth(file string, fm FrontMatter, limit int) error {
	lines := pos.NewAt(fm.Raw, fm.RawLine)
	s := depthScan{raw: fm.Raw, yaml: fm.Format == FormatYAML, limit: limit}
	off, depth := s.scan(lines)
	if off < 0 {
		return nil
	}
	line, col := lines.Position(off)
	return diag.Errorf(file, line, col, "%s front matter nested more than %d deep", fm.Format, limit).
		WithHint("front matter needs a few levels of lists and maps; this has %d here", depth)
}

// depthScan is the state of checkDepth's scan.
type depthScan struct {
	raw   []byte
	yaml  bool
	limit int

	flow   int   // open flow collections: [ {
	quote  byte  // the open quote, or 0
	blocks []int // YAML: indentation of the open block collections, increasing
	scalar int   // YAML: indentation of the line that started a block scalar, or -1
}

// scan returns the offset where the depth first passes the limit and
// that depth, or -1. lines is s.raw's line table.
func (s *depthScan) scan(lines *pos.Lines) (int, int) {
	s.scalar = -1
	for line := lines.First(); line < lines.First()+lines.Len(); line++ {
		if at, depth := s.line(lines.Start(line), lines.End(line)); at >= 0 {
			return at, depth
		}
	}
	return -1, 0
}

// line scans the line raw[off:end].
func (s *depthScan) line(off, end int) (int, int) {
	l := s.raw[off:end]
	block := 0
	i := 0
	if s.yaml && s.flow == 0 && s.quote == 0 {
		for i < len(l) && l[i] == ' ' {
			i++
		}
		if i == len(l) || l[i] == '#' {
			return -1, 0 // blank or comment: closes nothing
		}
		if s.scalar >= 0 {
			if i > s.scalar {
				return -1, 0 // inside a block scalar
			}
			s.scalar = -1
		}
		for len(s.blocks) > 0 && s.blocks[len(s.blocks)-1] >= i {
			s.blocks = s.blocks[:len(s.blocks)-1]
		}
		s.blocks = append(s.blocks, i)
		block = len(s.blocks)
		// "- - x" and "? - x" open a collection per entry.
		for i+1 < len(l) && (l[i] == '-' || l[i] == '?') && (l[i+1] == ' ' || l[i+1] == '\t') {
			block++
			if block > s.limit {
				return off + i, block
			}
			for i++; i < len(l) && (l[i] == ' ' || l[i] == '\t'); i++ {
			}
		}
		if block > s.limit {
			return off + i, block
		}
		if isBlockScalar(l[i:]) {
			s.scalar = len(l) - len(trimLeftSpace(l))
		}
	}
	value := s.yaml // at the start of a YAML value: flow and quotes may start
	for ; i < len(l); i++ {
		c := l[i]
		if s.quote != 0 {
			switch {
			case c == '\\' && s.quote == '"':
				i++
			case c == s.quote:
				s.quote = 0
			}
			continue
		}
		if c == ' ' || c == '\t' {
			continue
		}
		start := !s.yaml || value || s.flow > 0 && isSpaceOr(l[i-1], "[{,:")
		value = false
		switch {
		case c == '#' && (i == 0 || l[i-1] == ' ' || l[i-1] == '\t' || !s.yaml):
			return -1, 0 // a comment
		case (c == '"' || c == '\'') && start:
			s.quote = c
		case (c == '[' || c == '{') && (start || s.flow > 0):
			s.flow++
			value = s.yaml
			if block+s.flow > s.limit {
				return off + i, block + s.flow
			}
		case (c == ']' || c == '}') && s.flow > 0:
			s.flow--
		case c == ':' && s.yaml && (i+1 == len(l) || l[i+1] == ' ' || l[i+1] == '\t'):
			value = true // "key: value"
		case c == ',' && s.flow > 0:
			value = true
		}
	}
	return -1, 0
}

// isBlockScalar reports whether the rest of a YAML line, l, ends with a
// block scalar indicator ("key: |", "- >-", "|2+").
func isBlockScalar(l []byte) bool {
	j := len(l)
	for j > 0 && (l[j-1] == ' ' || l[j-1] == '\t') {
		j--
	}
	for j > 0 && (l[j-1] == '+' || l[j-1] == '-' || ('0' <= l[j-1] && l[j-1] <= '9')) {
		j--
	}
	return j > 0 && (l[j-1] == '|' || l[j-1] == '>') && (j == 1 || l[j-2] == ' ' || l[j-2] == '\t')
}

func trimLeftSpace(l []byte) []byte {
	for len(l) > 0 && (l[0] == ' ' || l[0] == '\t') {
		l = l[1:]
	}
	return l
}

// isSpaceOr reports whether c is a space, a tab or one of the bytes in set.
func isSpaceOr(c byte, set string) bool {
	if c == ' ' || c == '\t' {
		return true
	}
	for i := 0; i < len(set); i++ {
		if set[i] == c {
			return true
		}
	}
	return false
}
