package llms

import (
	"bytes"
	"strings"
)

// Links returns src, markdown, with the destination of every inline link
// or image ("[t](dest)", "![a](dest 'title')", "[t](<dest>)") and of
// every link reference definition ("[id]: dest") replaced by
// rewrite(dest, false), and every quoted href or src attribute of raw
// HTML (`<a href="dest">`, as shortcodes write) by rewrite(dest, true).
// Fenced code blocks and code spans are left alone, as are autolinks.
func Links(src []byte, rewrite func(dest string, html bool) string) []byte {
	var out bytes.Buffer
	out.Grow(len(src))
	var fence string // the open fence's marker run, "" outside one
	for len(src) > 0 {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line = src[:i+1]
		}
		src = src[len(line):]
		trimmed := strings.TrimLeft(string(line), " ")
		indent := len(line) - len(trimmed)
		if fence != "" {
			if indent <= 3 && strings.HasPrefix(trimmed, fence) && strings.TrimSpace(strings.TrimLeft(trimmed, fence[:1])) == "" {
				fence = ""
			}
			out.Write(line)
			continue
		}
		if f := fenceOpen(trimmed); f != "" && indent <= 3 {
			fence = f
			out.Write(line)
			continue
		}
		if indent <= 3 && strings.HasPrefix(trimmed, "[") {
			if n, ok := refDef(trimmed); ok {
				out.Write(line[:indent+n])
				rest := trimmed[n:]
				dest, after := cutDest(rest)
				out.WriteString(wrapDest(dest, rewrite))
				out.WriteString(inline(after, rewrite))
				continue
			}
		}
		out.WriteString(inline(string(line), rewrite))
	}
	return out.Bytes()
}

// fenceOpen returns the marker run that opens a fenced code block at the
// start of s (three or more ` or ~), or "".
func fenceOpen(s string) string {
	for _, c := range []byte{'`', '~'} {
		n := 0
		for n < len(s) && s[n] == c {
			n++
		}
		if n >= 3 {
			if c == '`' && strings.Contains(s[n:], "`") {
				return "" // a code span, not a fence
			}
			return s[:n]
		}
	}
	return ""
}

// refDef reports whether s starts a link reference definition, "[id]:",
// and returns the length of that and the spaces after it.
func refDef(s string) (int, bool) {
	i := 1
	for i < len(s) && s[i] != ']' {
		if s[i] == '\\' {
			i++
		}
		i++
	}
	if i+1 >= len(s) || s[i+1] != ':' || i == 1 {
		return 0, false
	}
	n := i + 2
	for n < len(s) && (s[n] == ' ' || s[n] == '\t') {
		n++
	}
	if n >= len(s) || s[n] == '\n' || s[n] == '\r' {
		return 0, false // the destination on the next line: left alone
	}
	return n, true
}

// inline rewrites the destinations of the inline links of one line,
// outside code spans.
func inline(line string, rewrite func(string, bool) string) string {
	var b strings.Builder
	for i := 0; i < len(line); {
		c := line[i]
		switch {
		case c == '\\' && i+1 < len(line):
			b.WriteString(line[i : i+2])
			i += 2
		case c == '`':
			n := 0
			for i+n < len(line) && line[i+n] == '`' {
				n++
			}
			run := line[i : i+n]
			end := strings.Index(line[i+n:], run)
			if end < 0 {
				b.WriteString(run)
				i += n
				continue
			}
			b.WriteString(line[i : i+n+end+n])
			i += n + end + n
		case (c == 'h' || c == 's' || c == 'H' || c == 'S') && i > 0 && isSpace(line[i-1]):
			n := attr(line[i:])
			if n == 0 {
				b.WriteByte(c)
				i++
				continue
			}
			q := line[i+n-1]
			end := strings.IndexByte(line[i+n:], q)
			if end < 0 {
				b.WriteString(line[i : i+n])
				i += n
				continue
			}
			b.WriteString(line[i : i+n])
			if v := line[i+n : i+n+end]; v != "" && !strings.ContainsAny(v, "&<>") {
				b.WriteString(rewrite(v, true))
			} else {
				b.WriteString(v)
			}
			i += n + end
		case c == ']' && i+1 < len(line) && line[i+1] == '(':
			b.WriteString("](")
			dest, after := cutDest(line[i+2:])
			b.WriteString(wrapDest(dest, rewrite))
			i = len(line) - len(after)
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// attr returns the length of `href="` or `src='` (any case) at the start
// of s, or 0.
func attr(s string) int {
	for _, name := range []string{"href=", "src="} {
		if len(s) > len(name) && strings.EqualFold(s[:len(name)], name) && (s[len(name)] == '"' || s[len(name)] == '\'') {
			return len(name) + 1
		}
	}
	return 0
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// cutDest splits s, which starts where a link destination does, into the
// destination as written ("<a b>" with its brackets) and the rest.
func cutDest(s string) (dest, rest string) {
	if strings.HasPrefix(s, "<") {
		if i := strings.IndexAny(s, ">\n"); i > 0 && s[i] == '>' {
			return s[:i+1], s[i+1:]
		}
		return "", s
	}
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return s[:i], s[i:]
			}
			depth--
		case ' ', '\t', '\n', '\r':
			return s[:i], s[i:]
		}
	}
	return s, ""
}

// wrapDest rewrites dest, a markdown destination, keeping its angle
// brackets.
func wrapDest(dest string, rewrite func(string, bool) string) string {
	if d, ok := strings.CutPrefix(dest, "<"); ok {
		return "<" + rewrite(strings.TrimSuffix(d, ">"), false) + ">"
	}
	if dest == "" {
		return ""
	}
	return rewrite(dest, false)
}
