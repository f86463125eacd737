package linkcheck

import (
	"bytes"
	"encoding/xml"
	"os"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// escapingReport has user text that every format must escape: URLs and
// file names with & < > | and markdown, a reason with a newline and a
// control character.
func escapingReport() *Report {
	return NewReport([]Result{
		{URL: "/a&b/<x>/#sec|tion", Kind: Internal, Outcome: Error, Reason: "no page or file /a&b/<x>/ *at all*",
			Sources: []Source{{File: "content/we|rd_[x].md", Line: 2, Column: 3, Text: "../a&b/<x>.md#sec|tion"}}},
	}, 1, []Result{
		{URL: "https://example.com/?q=1&r=<2>", Kind: External, Outcome: Error, Status: 500, Reason: "500 Internal Server Error\n\x1b[31mafter 3 retries",
			Sources: []Source{{File: "content/we|rd_[x].md", Line: 5, Column: 1}}},
		{URL: "https://example.com/$a$`b`", Kind: External, Outcome: Warning, Status: 429, Reason: "429 Too Many Requests (rate limited)",
			Sources: []Source{{File: "content/a.md", Line: 1, Column: 1}}},
		{URL: "gopher://x/\"q\"", Kind: External, Outcome: Skipped, Reason: "gopher: links are not checked",
			Sources: []Source{{File: "content/a.md", Line: 9, Column: 1}}},
	})
}

// TestFormatGolden holds the junit and markdown formats to golden files,
// one per format, each with a section per report: the sample of every
// outcome, user text that needs escaping, and a report with no problem.
func TestFormatGolden(t *testing.T) {
	t.Parallel()
	reports := []struct {
		name string
		r    *Report
	}{
		{"sample", sampleReport()},
		{"escaping", escapingReport()},
		{"clean", NewReport(nil, 12, []Result{{URL: "https://example.com/", Kind: External, Outcome: OK, Status: 200,
			Sources: []Source{{File: "content/a.md", Line: 1, Column: 1}}}})},
	}
	for _, format := range []string{"junit", "markdown"} {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			file := "testdata/" + format + ".txtar"
			out := txtar.Archive{Comment: []byte("Golden output of the " + format + " report format (go test -update rewrites it).\n")}
			for _, rep := range reports {
				var buf bytes.Buffer
				if err := rep.r.Write(&buf, format); err != nil {
					t.Fatalf("%s: %v", rep.name, err)
				}
				out.Files = append(out.Files, txtar.File{Name: rep.name, Data: buf.Bytes()})
			}
			if *update {
				if err := os.WriteFile(file, txtar.Format(&out), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]string{}
			for _, f := range ar.Files {
				want[f.Name] = string(f.Data)
			}
			for _, f := range out.Files {
				if got := string(f.Data); got != want[f.Name] {
					t.Errorf("%s (run with -update to accept):\n--- got\n%s--- want\n%s", f.Name, got, want[f.Name])
				}
			}
		})
	}
}

// TestJUnitParses: the JUnit report is well-formed XML that gives back
// the user text exactly (escaped, not mangled), with counts that add up.
func TestJUnitParses(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := escapingReport().Write(&buf, "junit"); err != nil {
		t.Fatal(err)
	}
	var got junitSuites
	if err := xml.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("not XML: %v\n%s", err, buf.String())
	}
	if got.Tests != 4 || got.Failures != 2 || got.Skipped != 1 || len(got.Suites) != 2 {
		t.Errorf("tests=%d failures=%d skipped=%d suites=%d, want 4, 2, 1, 2", got.Tests, got.Failures, got.Skipped, len(got.Suites))
	}
	names := map[string]bool{}
	for _, s := range got.Suites {
		for _, c := range s.Cases {
			names[c.Name] = true
			if c.Failure != nil && strings.ContainsAny(c.Failure.Message, "\n\x1b") {
				t.Errorf("failure message %q holds a newline or an escape character", c.Failure.Message)
			}
		}
	}
	for _, want := range []string{"../a&b/<x>.md#sec|tion (2:3)", "https://example.com/?q=1&r=<2> (5:1)"} {
		if !names[want] {
			t.Errorf("no testcase named %q in %v", want, names)
		}
	}
}

// TestMarkdownCellsEscaped: no cell of the markdown report can be split
// by user text: every table row has as many unescaped pipes as the
// header.
func TestMarkdownCellsEscaped(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := escapingReport().Write(&buf, "markdown"); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(buf.String(), "\n") {
		if !strings.HasPrefix(line, "|") {
			if strings.ContainsAny(line, "<>") {
				t.Errorf("unescaped < or > outside a table: %q", line)
			}
			continue
		}
		cells := strings.Count(line, "|") - strings.Count(line, `\|`)
		if cells != 4 && cells != 7 {
			t.Errorf("row with %d cell borders: %q", cells, line)
		}
	}
}
