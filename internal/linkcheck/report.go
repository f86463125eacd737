package linkcheck

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/quire-docs/quire/internal/diag"
)

// Formats Report.Write knows.
var Formats = []string{"text", "json", "github", "sarif", "junit", "markdown"}

// Summary counts unique links by outcome.
type Summary struct {
	Total    int `json:"total"`
	OK       int `json:"ok"`
	Warnings int `json:"warnings"`
	Errors   int `json:"errors"`
	Skipped  int `json:"skipped"`
	Cached   int `json:"cached"`
}

// Report is the result of a link check: every external link and every
// internal link that is not ok (ok internal links are only counted).
type Report struct {
	Summary Summary  `json:"summary"`
	Links   []Result `json:"links"`
}

// NewReport combines the internal results (those not ok, and the count of
// ok ones) and the checked external results, sorted.
func NewReport(internal []Result, internalOK int, external []Result) *Report {
	r := &Report{Links: make([]Result, 0, len(internal)+len(external))}
	r.Summary.Total, r.Summary.OK = internalOK, internalOK
	for _, list := range [][]Result{internal, external} {
		for _, l := range list {
			l.Sources = sortSources(append([]Source{}, l.Sources...))
			r.Links = append(r.Links, l)
			r.Summary.Total++
			switch l.Outcome {
			case OK:
				r.Summary.OK++
			case Warning:
				r.Summary.Warnings++
			case Error:
				r.Summary.Errors++
			case Skipped:
				r.Summary.Skipped++
			}
			if l.Cached {
				r.Summary.Cached++
			}
		}
	}
	sortResults(r.Links)
	return r
}

// Failed reports whether any link is broken (warnings do not count).
func (r *Report) Failed() bool { return r.Summary.Errors > 0 }

// Write prints the report in format: "text", "json", "github", "sarif",
// "junit" or "markdown".
func (r *Report) Write(w io.Writer, format string) error {
	switch format {
	case "text", "":
		return r.writeText(w)
	case "json":
		return writeJSON(w, r)
	case "github":
		return r.writeGitHub(w)
	case "sarif":
		return r.writeSARIF(w)
	case "junit":
		return r.writeJUnit(w)
	case "markdown":
		return r.writeMarkdown(w)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// writeText prints one line per problem and place, grouped by source file
// (a blank line between files), then the summary.
func (r *Report) writeText(w io.Writer) error {
	prev := ""
	for i, d := range Diagnostics(r.Links, diag.Error) {
		if i > 0 && d.File != prev {
			fmt.Fprintln(w)
		}
		prev = d.File
		fmt.Fprintln(w, d.String())
	}
	if prev != "" {
		fmt.Fprintln(w)
	}
	_, err := fmt.Fprintln(w, r.Summary.String())
	return err
}

// String is the summary line.
func (s Summary) String() string {
	str := fmt.Sprintf("links: %d checked: %d ok, %d %s, %d %s, %d skipped",
		s.Total, s.OK, s.Warnings, plural(s.Warnings, "warning"), s.Errors, plural(s.Errors, "error"), s.Skipped)
	if s.Cached > 0 {
		str += fmt.Sprintf(" (%d from the cache)", s.Cached)
	}
	return str
}

// withHint appends a result's hint to its message as diag.Diagnostic's
// Error does: "message (hint: ...)".
func withHint(msg, hint string) string {
	if hint == "" {
		return msg
	}
	return msg + " (hint: " + hint + ")"
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// writeGitHub prints GitHub Actions workflow commands, which annotate the
// cited lines of a pull request.
func (r *Report) writeGitHub(w io.Writer) error {
	for _, d := range Diagnostics(r.Links, diag.Error) {
		props := "file=" + ghProp(diag.Escape(d.File))
		if d.Line > 0 {
			props += fmt.Sprintf(",line=%d", d.Line)
			if d.Col > 0 {
				props += fmt.Sprintf(",col=%d", d.Col)
			}
		}
		fmt.Fprintf(w, "::%s %s::%s\n", d.Severity, props, ghData(diag.Escape(withHint(d.Msg, d.Hint))))
	}
	_, err := fmt.Fprintln(w, r.Summary.String())
	return err
}

// writeJSON writes v as indented JSON whose text holds no character that
// could act on a terminal (diag.EscapeJSON); the values are unchanged.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(diag.EscapeJSON(buf.Bytes()))
	return err
}

// ghData escapes a workflow command's message (already diag.Escape'd, so
// it holds no newline and no "::" can start a line).
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProp escapes a workflow command's property value.
func ghProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
