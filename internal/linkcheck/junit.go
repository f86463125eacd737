package linkcheck

import (
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"

	"github.com/quire-docs/quire/internal/diag"
)

// JUnit XML, the shape CI dashboards read (Jenkins, GitLab, the test
// reporters of GitHub Actions): a testsuite per citing file, a testcase
// per link and citing place.
type (
	junitSuites struct {
		XMLName  xml.Name     `xml:"testsuites"`
		Name     string       `xml:"name,attr"`
		Tests    int          `xml:"tests,attr"`
		Failures int          `xml:"failures,attr"`
		Errors   int          `xml:"errors,attr"`
		Skipped  int          `xml:"skipped,attr"`
		Suites   []junitSuite `xml:"testsuite"`
	}
	junitSuite struct {
		Name     string      `xml:"name,attr"`
		Tests    int         `xml:"tests,attr"`
		Failures int         `xml:"failures,attr"`
		Errors   int         `xml:"errors,attr"`
		Skipped  int         `xml:"skipped,attr"`
		Cases    []junitCase `xml:"testcase"`
	}
	junitCase struct {
		Name      string        `xml:"name,attr"`
		ClassName string        `xml:"classname,attr"`
		Failure   *junitFailure `xml:"failure,omitempty"`
		Skipped   *junitSkipped `xml:"skipped,omitempty"`
		SystemOut string        `xml:"system-out,omitempty"`
	}
	junitFailure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
	junitSkipped struct {
		Message string `xml:"message,attr,omitempty"`
	}
)

// writeJUnit prints a JUnit XML report: one testsuite per citing file
// (sorted), one testcase per link and place in it (sorted by position).
// A broken link is a failure whose message is the reason and whose text
// is the text format's line; a warning passes with the line as its
// system-out; a skipped link is skipped. Ok internal links are only
// counted in the summary, so they have no testcase.
func (r *Report) writeJUnit(w io.Writer) error {
	type placed struct {
		src Source
		res Result
	}
	byFile := map[string][]placed{}
	for _, l := range r.Links {
		for _, s := range l.Sources {
			byFile[s.File] = append(byFile[s.File], placed{s, l})
		}
	}
	files := make([]string, 0, len(byFile))
	for f := range byFile {
		files = append(files, f)
	}
	sort.Strings(files)
	out := junitSuites{Name: "quire linkcheck", Suites: []junitSuite{}}
	for _, f := range files {
		ps := byFile[f]
		sort.SliceStable(ps, func(i, j int) bool {
			if ps[i].src != ps[j].src {
				return sourceLess(ps[i].src, ps[j].src)
			}
			return ps[i].res.URL < ps[j].res.URL
		})
		s := junitSuite{Name: diag.Escape(f)}
		for _, p := range ps {
			c := junitCase{Name: junitName(p.res, p.src), ClassName: diag.Escape(f)}
			line := diagLine(p.res, p.src)
			switch p.res.Outcome {
			case Error:
				c.Failure = &junitFailure{Message: diag.Escape(withHint(p.res.Reason, p.res.Hint)), Type: string(p.res.Kind) + "-link", Text: line}
				s.Failures++
			case Warning:
				c.SystemOut = line
			case Skipped:
				c.Skipped = &junitSkipped{Message: diag.Escape(p.res.Reason)}
				s.Skipped++
			}
			s.Cases = append(s.Cases, c)
			s.Tests++
		}
		out.Suites = append(out.Suites, s)
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Skipped += s.Skipped
	}
	data, err := xml.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s%s\n", xml.Header, data)
	return err
}

// junitName names the testcase of a link at one place: the link as
// written there and its position, "../upgrade.md#rolback (12:5)".
func junitName(r Result, s Source) string {
	text := s.Text
	if text == "" {
		text = r.URL
	}
	name := diag.Escape(text)
	if s.Line > 0 {
		name += " (" + strconv.Itoa(s.Line)
		if s.Column > 0 {
			name += ":" + strconv.Itoa(s.Column)
		}
		name += ")"
	}
	return name
}

// diagLine is the text format's line for a link at one place, escaped.
func diagLine(r Result, s Source) string {
	sev := diag.Error
	if r.Outcome == Warning {
		sev = diag.Warning
	}
	d := &diag.Diagnostic{Severity: sev, File: s.File, Line: s.Line, Col: s.Column, Msg: message(r, s), Hint: r.Hint}
	return d.String()
}
