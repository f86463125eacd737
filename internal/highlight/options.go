package highlight

import (
	"fmt"
	"strconv"
	"strings"
)

// ParseOptions parses the options of Hugo's highlight shortcode and
// function: "linenos=table,hl_lines=2 4-5,linenostart=10". lines says
// per-line rendering (CodeLines) is needed. Options that only change
// inline styles are accepted and ignored.
func ParseOptions(s string) (lo LineOptions, lines bool, err error) {
	for _, kv := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' }) {
		k, v, _ := strings.Cut(strings.TrimSpace(kv), "=")
		k, v = strings.ToLower(strings.TrimSpace(k)), strings.Trim(strings.TrimSpace(v), `"'`)
		switch k {
		case "linenos":
			switch v {
			case "true", "inline", "":
				lo.Numbers = true
			case "table":
				lo.Numbers, lo.Table = true, true
			case "false":
			default:
				return lo, false, fmt.Errorf("option linenos=%s: want true, false, inline or table", v)
			}
		case "linenostart":
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				return lo, false, fmt.Errorf("option linenostart=%s: want a line number", v)
			}
			lo.Start = n
		case "hl_lines":
			for _, r := range strings.Fields(v) {
				a, b, isRange := strings.Cut(r, "-")
				from, err1 := strconv.Atoi(a)
				to, err2 := from, error(nil)
				if isRange {
					to, err2 = strconv.Atoi(b)
				}
				if err1 != nil || err2 != nil || from < 1 || to < from {
					return lo, false, fmt.Errorf("option hl_lines=%s: want line numbers and ranges such as \"2 4-6\"", v)
				}
				lo.Highlight = append(lo.Highlight, [2]int{from, to})
			}
		case "style", "noclasses", "anchorlinenos", "lineanchors", "linenostyle", "hl_inline", "guesssyntax", "tabwidth":
			// Styles come from config.toml's [markup.highlight]; these
			// only change inline styles or anchors, which quire does not write.
		default:
			return lo, false, fmt.Errorf("unknown highlight option %q (known: linenos, linenostart, hl_lines)", k)
		}
	}
	return lo, lo.Numbers || len(lo.Highlight) > 0, nil
}
