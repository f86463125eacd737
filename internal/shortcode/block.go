package shortcode

import "strings"

// blockMarkdown returns the output of a block built-in: the HTML lines
// open, then inner, then the HTML lines close. In a markdown page it is
// markdown: the HTML on lines of their own and the inner text between
// blank lines, so the markdown stage renders the inner text as part of
// the page (heading ids, links checked and resolved from the page, code
// blocks) and the HTML around it as raw HTML blocks. The inner text is
// deindented, and every line after the first is indented as the line the
// shortcode starts, so a block written inside a list item stays in it.
// In an HTML page the parts are joined as they are.
func (x *expander) blockMarkdown(c *Call, open []string, inner string, close []string) string {
	if x.env.HTML {
		return strings.Join(open, "\n") + "\n" + inner + "\n" + strings.Join(close, "\n")
	}
	type line struct {
		text      string
		src, skip int // body offset of text[skip:], or -1
	}
	var lines []line
	for _, l := range open {
		lines = append(lines, line{l, -1, 0})
	}
	body, offs := deindentAt(inner)
	if len(body) > 0 {
		lines = append(lines, line{"", -1, 0})
		for i, l := range body {
			src, skip := -1, 0
			if offs[i] >= 0 && inner == string(c.Inner) {
				src, skip = c.innerSource(offs[i], len(l))
			}
			lines = append(lines, line{l, src, skip})
		}
		lines = append(lines, line{"", -1, 0})
	}
	for _, l := range close {
		lines = append(lines, line{l, -1, 0})
	}
	indent := x.lineIndent(c.offset)
	var b strings.Builder
	var segs []segment
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
			if l.text != "" {
				b.WriteString(indent)
			}
		}
		if l.src >= 0 && l.text != "" {
			b.WriteString(l.text[:l.skip])
			segs = append(segs, segment{out: b.Len(), src: l.src, copied: true})
			b.WriteString(l.text[l.skip:])
			segs = append(segs, segment{out: b.Len(), src: c.offset})
			continue
		}
		b.WriteString(l.text)
	}
	x.lineSegs = segs
	return b.String()
}

// lineIndent returns the spaces and tabs before body offset off on its
// line, or "" when other text comes before it there.
func (x *expander) lineIndent(off int) string {
	start := off
	for start > 0 && x.env.Body[start-1] != '\n' {
		start--
	}
	ws := string(x.env.Body[start:off])
	if strings.Trim(ws, " \t") != "" {
		return ""
	}
	return ws
}

// deindent splits s into lines with the indentation common to them
// removed and blank lines at either end dropped. The first line follows
// the opening tag, so its own indentation is not counted.
func deindent(s string) []string {
	lines, _ := deindentAt(s)
	return lines
}

// deindentAt is deindent that also returns where each line starts in s
// (-1 for a blank line).
func deindentAt(s string) ([]string, []int) {
	lines := strings.Split(s, "\n")
	offs := make([]int, len(lines))
	at := 0
	for i, l := range lines {
		offs[i] = at
		at += len(l) + 1
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	t := strings.TrimLeft(lines[0], " \t")
	offs[0] += len(lines[0]) - len(t)
	lines[0] = t
	common := -1
	for _, l := range lines[1:] {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " \t"))
		if common < 0 || n < common {
			common = n
		}
	}
	for i := range lines {
		switch {
		case strings.TrimSpace(lines[i]) == "":
			lines[i], offs[i] = "", -1
		case i > 0 && common > 0:
			lines[i] = lines[i][common:]
			offs[i] += common
		}
	}
	for len(lines) > 0 && lines[0] == "" {
		lines, offs = lines[1:], offs[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines, offs = lines[:len(lines)-1], offs[:len(offs)-1]
	}
	return lines, offs
}
