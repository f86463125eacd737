package linkcheck

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestReportEscapesControlCharacters: a decoded link target or a file name
// holding a newline, ESC, a C1 control or a bidi override reaches no
// output format raw, so no line of it can start a GitHub workflow command
// or drive the terminal; JSON and SARIF still decode to the same values.
func TestReportEscapesControlCharacters(t *testing.T) {
	t.Parallel()
	const url = "/a\n::warning::x/\x1b[2J\u009b\u202e"
	r := NewReport([]Result{{
		URL: url, Kind: Internal, Outcome: Error, Reason: "no page or file " + url,
		Sources: []Source{{File: "content/b\x1b]0;t\a\n::error::.md", Line: 1, Column: 1, Text: url}},
	}}, 0, nil)
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := r.Write(&buf, format); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			for _, line := range strings.Split(out, "\n") {
				// The one workflow command is the github format's own.
				if strings.HasPrefix(strings.TrimSpace(line), "::") && !strings.HasPrefix(line, "::error file=content/b") {
					t.Errorf("line starts a workflow command: %q", line)
				}
			}
			for _, bad := range []string{"\x1b", "\a", "\u009b", "\u202e"} {
				if strings.Contains(out, bad) {
					t.Errorf("output holds %q raw:\n%s", bad, out)
				}
			}
			if format == "json" {
				var back Report
				if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
					t.Fatal(err)
				}
				if len(back.Links) != 1 || back.Links[0].URL != url {
					t.Errorf("json URL = %q, want %q", back.Links[0].URL, url)
				}
			}
		})
	}
}
