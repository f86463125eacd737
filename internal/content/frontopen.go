package content

import (
	"bytes"

	"github.com/quire-docs/quire/internal/diag"
)

// maxUnopenedLines bounds how far unopenedFrontMatter looks for the
// closing line.
const maxUnopenedLines = 100

// unopenedFrontMatter reports whether body, a file with no front matter,
// starts with YAML front matter that lacks its opening --- line: a first
// line "key: value" with a front matter key quire knows (title, weight,
// ...), then only lines YAML front matter holds (key: value, indented
// lines, list items, comments, blank lines) up to a line of ---. It
// returns the line of that ---. Markdown reads such a block as text, the
// last line above --- as a heading, which is never what was meant.
func unopenedFrontMatter(body []byte) (closeLine int, ok bool) {
	for line := 1; line <= maxUnopenedLines && len(body) > 0; line++ {
		text, rest, _ := bytes.Cut(body, []byte("\n"))
		body = rest
		t := trimBlankRight(text)
		switch {
		case line == 1:
			key, ok := yamlKey(t)
			if !ok || canonicalKey(key) == "" {
				return 0, false
			}
		case string(t) == "---":
			return line, true
		case len(t) == 0, t[0] == ' ', t[0] == '\t', t[0] == '#', bytes.HasPrefix(t, []byte("- ")):
		default:
			if _, ok := yamlKey(t); !ok {
				return 0, false
			}
		}
	}
	return 0, false
}

// yamlKey returns the key of a line "key: value" or "key:", a key of
// letters, digits, _ and -, starting with a letter or _.
func yamlKey(line []byte) (string, bool) {
	i := bytes.IndexByte(line, ':')
	if i <= 0 || i+1 < len(line) && line[i+1] != ' ' && line[i+1] != '\t' {
		return "", false
	}
	for j, c := range line[:i] {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c == '_':
		case j > 0 && ('0' <= c && c <= '9' || c == '-'):
		default:
			return "", false
		}
	}
	return string(line[:i]), true
}

// unopenedWarning is the warning for a page whose front matter has no
// opening line (see unopenedFrontMatter), nil when it has one or none.
func unopenedWarning(file string, fm FrontMatter) *diag.Diagnostic {
	if fm.Format != FormatNone {
		return nil
	}
	end, ok := unopenedFrontMatter(fm.Body)
	if !ok {
		return nil
	}
	return diag.Warnf(file, 1, 1, "front matter has no opening --- line, so lines 1 to %d are rendered as text", end).
		WithHint("add a line of --- as the first line")
}
