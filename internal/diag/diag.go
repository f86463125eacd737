// Package diag defines positioned diagnostics: errors and warnings that point
// at a file, line and column, formatted as "path:line:col: message".
package diag

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Severity says whether a diagnostic fails the build.
type Severity int

const (
	// Error fails the build.
	Error Severity = iota
	// Warning is reported but does not fail the build.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem found in one place. File is a slash path
// relative to the site root (e.g. "content/faq/a.md" or "config.toml").
// Line and Col are 1-based; 0 means unknown and is left out when printed.
type Diagnostic struct {
	Severity Severity
	File     string
	Line     int
	Col      int
	Msg      string
	Hint     string // optional: how to fix it
}

// Errorf returns an error diagnostic.
func Errorf(file string, line, col int, format string, args ...any) *Diagnostic {
	return &Diagnostic{Severity: Error, File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// Warnf returns a warning diagnostic.
func Warnf(file string, line, col int, format string, args ...any) *Diagnostic {
	return &Diagnostic{Severity: Warning, File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// WithHint sets the hint and returns d, for chaining.
func (d *Diagnostic) WithHint(format string, args ...any) *Diagnostic {
	d.Hint = fmt.Sprintf(format, args...)
	return d
}

// Pos returns "path:line:col", "path:line" or "path" depending on what is
// known, the path escaped (see Escape).
func (d *Diagnostic) Pos() string {
	var b strings.Builder
	b.WriteString(Escape(d.File))
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Line)
		if d.Col > 0 {
			fmt.Fprintf(&b, ":%d", d.Col)
		}
	}
	return b.String()
}

// Error formats the diagnostic as "path:line:col: message (hint: ...)",
// on one line: path, message and hint are escaped (see Escape).
func (d *Diagnostic) Error() string {
	var b strings.Builder
	if p := d.Pos(); p != "" {
		b.WriteString(p)
		b.WriteString(": ")
	}
	b.WriteString(Escape(d.Msg))
	if d.Hint != "" {
		b.WriteString(" (hint: ")
		b.WriteString(Escape(d.Hint))
		b.WriteString(")")
	}
	return b.String()
}

// List collects diagnostics of both severities.
type List []*Diagnostic

// Add appends d to the list; a nil d is ignored.
func (l *List) Add(d *Diagnostic) {
	if d != nil {
		*l = append(*l, d)
	}
}

// AddAll appends ds in order, leaving out nil ones.
func (l *List) AddAll(ds ...*Diagnostic) {
	for _, d := range ds {
		l.Add(d)
	}
}

// AddError appends err: a *Diagnostic (or errors joined from several) keeps
// its position; any other error becomes an error diagnostic for file.
func (l *List) AddError(file string, err error) {
	if err == nil {
		return
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			l.AddError(file, e)
		}
		return
	}
	var d *Diagnostic
	if errors.As(err, &d) {
		l.Add(d)
		return
	}
	l.Add(&Diagnostic{Severity: Error, File: file, Msg: err.Error()})
}

// Errors returns the error-severity diagnostics.
func (l List) Errors() List { return l.filter(Error) }

// Warnings returns the warning-severity diagnostics.
func (l List) Warnings() List { return l.filter(Warning) }

func (l List) filter(s Severity) List {
	var out List
	for _, d := range l {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// Sort orders the list by file, line, column and message, so output is
// deterministic whatever order parallel stages reported in.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Msg < b.Msg
	})
}

// Err returns the error diagnostics joined with errors.Join, or nil if
// there are none.
func (l List) Err() error {
	errs := l.Errors()
	if len(errs) == 0 {
		return nil
	}
	errs.Sort()
	out := make([]error, len(errs))
	for i, d := range errs {
		out[i] = d
	}
	return errors.Join(out...)
}

// String formats the diagnostic for a terminal: errors as Error does,
// warnings with "warning: " after the position.
func (d *Diagnostic) String() string {
	if d.Severity != Warning {
		return d.Error()
	}
	w := *d
	w.Msg = "warning: " + d.Msg
	return w.Error()
}
