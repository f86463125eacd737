package linkcheck

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files")

// sampleReport has every outcome, both kinds, several sources per link,
// a source without position and text that needs escaping.
func sampleReport() *Report {
	internal := []Result{
		{URL: "/faq/upgrade/#rolback", Kind: Internal, Outcome: Error, Reason: `no anchor "rolback" on /faq/upgrade/ (did you mean "rollback"?)`,
			Sources: []Source{
				{File: "content/faq/install.md", Line: 12, Column: 5, Text: "../upgrade.md#rolback"},
				{File: "content/faq/a.md", Line: 3, Column: 1, Text: "upgrade.md#rolback"},
			}},
		{URL: "/about/", Kind: Internal, Outcome: Error, Reason: "no page or file /about/",
			Sources: []Source{{File: "layouts/partials/footer.html", Text: "/about/"}}},
	}
	external := []Result{
		{URL: "https://example.com/gone", Kind: External, Outcome: Error, Status: 404, Reason: "404 Not Found",
			Sources: []Source{{File: "content/faq/a.md", Line: 7, Column: 10, Text: "https://example.com/gone"}}},
		{URL: "https://example.com/ok", Kind: External, Outcome: OK, Status: 200, Cached: true,
			Sources: []Source{{File: "content/faq/a.md", Line: 8, Column: 1}}},
		{URL: "https://www.linkedin.com/in/x", Kind: External, Outcome: Warning, Status: 999, Reason: "status 999 (LinkedIn refuses automated requests)",
			Sources: []Source{{File: "content/faq/install.md", Line: 30, Column: 2}}},
		{URL: "ftp://example.org/f", Kind: External, Outcome: Skipped, Reason: "ftp: links are not checked",
			Sources: []Source{{File: "content/faq/install.md", Line: 31, Column: 1}}},
		{URL: "https://example.com/a,b:c%d", Kind: External, Outcome: Error, Status: 500, Reason: "500 Internal Server Error\nafter 3 retries",
			Sources: []Source{{File: "content/odd,name:x.md", Line: 1, Column: 1}}},
	}
	return NewReport(internal, 40, external)
}

func TestReportGolden(t *testing.T) {
	t.Parallel()
	const file = "testdata/report.txtar"
	ar, err := txtar.ParseFile(file)
	if err != nil && !*update {
		t.Fatal(err)
	}
	if ar == nil {
		ar = &txtar.Archive{}
	}
	r := sampleReport()
	var out txtar.Archive
	out.Comment = []byte("Golden output of every report format for sampleReport (go test -update rewrites it).\n")
	// junit and markdown have golden files of their own (formats_test.go).
	for _, format := range []string{"text", "json", "github", "sarif"} {
		var buf bytes.Buffer
		if err := r.Write(&buf, format); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		out.Files = append(out.Files, txtar.File{Name: format, Data: buf.Bytes()})
	}
	if *update {
		if err := os.WriteFile(file, txtar.Format(&out), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want := map[string]string{}
	for _, f := range ar.Files {
		want[f.Name] = string(f.Data)
	}
	for _, f := range out.Files {
		if got := string(f.Data); got != want[f.Name] {
			t.Errorf("format %s (run with -update to accept):\n--- got\n%s--- want\n%s", f.Name, got, want[f.Name])
		}
	}
}

func TestReportJSONShape(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := sampleReport().Write(&buf, "json"); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Summary map[string]int `json:"summary"`
		Links   []struct {
			URL, Kind, Outcome, Reason string
			Status                     int
			Sources                    []map[string]any
		} `json:"links"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	wantSummary := map[string]int{"total": 47, "ok": 41, "warnings": 1, "errors": 4, "skipped": 1, "cached": 1}
	for k, v := range wantSummary {
		if got.Summary[k] != v {
			t.Errorf("summary.%s = %d, want %d", k, got.Summary[k], v)
		}
	}
	for _, l := range got.Links {
		for _, s := range l.Sources {
			for _, k := range []string{"file", "line", "column"} {
				if _, ok := s[k]; !ok {
					t.Errorf("%s: source lacks %q: %v", l.URL, k, s)
				}
			}
		}
	}
}

func TestReportFailed(t *testing.T) {
	t.Parallel()
	if !sampleReport().Failed() {
		t.Error("a report with errors did not fail")
	}
	warn := NewReport(nil, 3, []Result{{URL: "https://x.example/", Kind: External, Outcome: Warning}})
	if warn.Failed() {
		t.Error("warnings alone failed the report")
	}
	if err := warn.Write(&bytes.Buffer{}, "yaml"); err == nil {
		t.Error("unknown format accepted")
	}
}
