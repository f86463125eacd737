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
	lines := append([]string{}, open...)
	if body := deindent(inner); len(body) > 0 {
		lines = append(lines, "")
		lines = append(lines, body...)
		lines = append(lines, "")
	}
	lines = append(lines, close...)
	indent := x.lineIndent(c.offset)
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
			if l != "" {
				b.WriteString(indent)
			}
		}
		b.WriteString(l)
	}
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
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	lines[0] = strings.TrimLeft(lines[0], " \t")
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
	for i := 1; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == "" {
			lines[i] = ""
		} else if common > 0 {
			lines[i] = lines[i][common:]
		}
	}
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}
