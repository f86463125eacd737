package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// TestHugo builds each site in testdata/hugo/*.txtar and checks its
// "want" file, one expectation per line:
//
//	PATH contains TEXT    output file PATH contains TEXT
//	PATH lacks TEXT       output file PATH does not contain TEXT
//	nofile PATH           there is no output file PATH
//	error LINE            the build fails; its errors are exactly the error lines, in order
//	warning LINE          one of the warnings is LINE
//
// Sites are built with minify = false unless config.toml says otherwise,
// so the expectations read as the templates write.
func TestHugo(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("testdata/hugo/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/hugo/*.txtar: %v", err)
	}
	for _, path := range files {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			ar := txtar.Parse(data)
			var want string
			var keep []txtar.File
			hasConfig := false
			for _, f := range ar.Files {
				switch f.Name {
				case "want":
					want = string(f.Data)
					continue
				case "config.toml":
					hasConfig = true
					if !strings.Contains(string(f.Data), "minify") {
						f.Data = append([]byte("minify = false\n"), f.Data...)
					}
				}
				keep = append(keep, f)
			}
			if !hasConfig {
				keep = append(keep, txtar.File{Name: "config.toml", Data: []byte("minify = false\n")})
			}
			ar.Files = keep
			s, err := buildTxtar(t, string(txtar.Format(ar)), Options{})
			checkHugo(t, s, err, want)
		})
	}
}

func checkHugo(t *testing.T, s *Site, err error, want string) {
	t.Helper()
	var wantErrs []string
	for _, line := range strings.Split(want, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		verb, rest, _ := strings.Cut(line, " ")
		switch verb {
		case "error":
			wantErrs = append(wantErrs, rest)
			continue
		case "warning":
			found := false
			var got []string
			for _, w := range s.Warnings {
				got = append(got, w.Error())
				found = found || w.Error() == rest
			}
			if !found {
				t.Errorf("no warning\n  %s\nhave:\n  %s", rest, strings.Join(got, "\n  "))
			}
			continue
		case "nofile":
			if hasFile(s, rest) {
				t.Errorf("output has %s, want none", rest)
			}
			continue
		}
		if err != nil {
			continue // checked below
		}
		op, text, _ := strings.Cut(rest, " ")
		html := file(t, s, verb)
		switch op {
		case "contains":
			if !strings.Contains(html, text) {
				t.Errorf("%s lacks %s\n%s", verb, text, html)
			}
		case "lacks":
			if strings.Contains(html, text) {
				t.Errorf("%s contains %s\n%s", verb, text, html)
			}
		default:
			t.Fatalf("bad want line %q", line)
		}
	}
	got := errorLines(err)
	if strings.Join(got, "\n") != strings.Join(wantErrs, "\n") {
		t.Errorf("errors\n got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(wantErrs, "\n  "))
	}
}
