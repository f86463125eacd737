package layout

import (
	"errors"
	"fmt"
	"html/template"
	"sort"
	"strconv"
	"strings"

	"github.com/quire-docs/quire/internal/budget"
	"github.com/quire-docs/quire/internal/diag"
)

// diagnose turns an execution error of the set entered at top into a
// *diag.Diagnostic naming the template file.
func (t *Templates) diagnose(err error, top string) error {
	return toDiag(err, t.files, top)
}

// toDiag converts a text/template or html/template error (parse, exec or
// escape) into a *diag.Diagnostic. top names the template that was being
// parsed or executed, used when the message names no known template.
func toDiag(err error, files map[string]file, top string) error {
	var be *budget.Error
	if errors.As(err, &be) { // a page's limit, naming its template already
		return be
	}
	var d *diag.Diagnostic
	if errors.As(err, &d) { // from a partial: the innermost position
		return d
	}
	msg := err.Error()
	for _, p := range []string{"template: ", "html/template:"} {
		if rest, ok := strings.CutPrefix(msg, p); ok {
			msg = rest
			break
		}
	}
	name, line, col, rest := splitPos(msg, files)
	if name == "" {
		return &diag.Diagnostic{Severity: diag.Error, File: displayOf(files, top), Msg: msg}
	}
	return &diag.Diagnostic{Severity: diag.Error, File: displayOf(files, name), Line: line, Col: col, Msg: tidy(rest)}
}

// splitPos parses "NAME:LINE[:COL]: rest" or "NAME: rest" where NAME is one of the known
// template names (the longest that fits, as names may hold colons). Columns
// from text/template are 0-based byte offsets; the result is 1-based.
func splitPos(msg string, files map[string]file) (name string, line, col int, rest string) {
	known := make([]string, 0, len(files))
	for n := range files {
		known = append(known, n)
	}
	sort.Slice(known, func(i, j int) bool { return len(known[i]) > len(known[j]) })
	for _, n := range known {
		after, ok := strings.CutPrefix(msg, n+":")
		if !ok {
			continue
		}
		l, after, ok := leadingInt(after)
		if !ok {
			// html/template's "NAME: ends in a non-text context" has
			// no line.
			if rest, ok := strings.CutPrefix(after, " "); ok {
				return n, 0, 0, rest
			}
			continue
		}
		c := 0
		if a, ok := strings.CutPrefix(after, ":"); ok {
			if cc, a2, ok := leadingInt(a); ok {
				c, after = cc+1, a2
			}
		}
		return n, l, c, strings.TrimPrefix(after, ": ")
	}
	return "", 0, 0, msg
}

// leadingInt splits the decimal number at the start of s.
func leadingInt(s string) (int, string, bool) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	n, err := strconv.Atoi(s[:i])
	if err != nil {
		return 0, s, false
	}
	return n, s[i:], true
}

// tidy drops text/template's `executing "name" at ` so the message reads
// `<.Foo>: can't evaluate field Foo in type *layout.Page`.
func tidy(msg string) string {
	if rest, ok := strings.CutPrefix(msg, "executing \""); ok {
		if i := strings.Index(rest, "\" at <"); i >= 0 {
			return rest[i+len("\" at "):]
		}
	}
	return msg
}

// displayOf returns the file path diagnostics show for a template name.
func displayOf(files map[string]file, name string) string {
	if f, ok := files[name]; ok && f.display != "" {
		return f.display
	}
	return name
}

// escapeHint adds a hint to d, the diagnostic of err from executing the set
// whose main file is main, when html/template's escaper blames baseof for
// what is likely main's fault. Escaping follows main's "main" template
// into baseof's block: an unclosed tag, attribute or quote in an override
// of main is reported where baseof's markup goes on after the block.
func escapeHint(d error, err error, files map[string]file, main string) error {
	var tErr *template.Error
	var dg *diag.Diagnostic
	if !errors.As(err, &tErr) || tErr.ErrorCode == template.OK || tErr.Name != baseofName ||
		main == baseofName || !errors.As(d, &dg) || dg.File != displayOf(files, baseofName) || dg.Hint != "" {
		return d
	}
	f, ok := files[main]
	if !ok || f.embedded || !definesMain(f.text) {
		return d
	}
	dg.Hint = fmt.Sprintf("%s fills this file's \"main\" block and is escaped with it: look there for an unclosed tag, attribute or quote", displayOf(files, main))
	return dg
}
