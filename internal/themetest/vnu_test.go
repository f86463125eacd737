package themetest

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestNuHTMLChecker runs the Nu Html Checker (npm vnu-jar, with Java) on
// every HTML file of the built docs, the 404 page included, and of a site
// branded from [params]: it must report no errors.
func TestNuHTMLChecker(t *testing.T) {
	jar := tool(t, "vnu-jar/build/dist/vnu.jar")
	java, err := exec.LookPath("java")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("java not found; .ci/run installs it")
		}
		t.Skip("java not found; set CI to make this a failure")
	}
	// The docs, and under brand/ the site branded from [params].
	sites := map[string]*docs{"": buildDocs(t), "brand/": buildTxtar(t, brandSite)}
	dir := t.TempDir()
	var pages []string
	for prefix, d := range sites {
		for p, data := range d.files {
			if !strings.HasSuffix(p, ".html") {
				continue
			}
			full := filepath.Join(dir, filepath.FromSlash(prefix+p))
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(full, data, 0o644); err != nil {
				t.Fatal(err)
			}
			pages = append(pages, prefix+p)
		}
	}
	if len(pages) < 10 {
		t.Fatalf("only %d HTML files built: %q", len(pages), pages)
	}
	// A canary with one known error shows that the checker ran and that
	// its report is read.
	const canary = "canary-with-an-error.html"
	if err := os.WriteFile(filepath.Join(dir, canary), []byte(`<!doctype html><html lang="en"><title>x</title><p><div></span></p>`), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(java, "-Xss4m", "-jar", jar, "--errors-only", "--format", "json", "--exit-zero-always", "--skip-non-html", dir)
	cmd.Stderr = &stderr
	if out, err := cmd.Output(); err != nil {
		t.Fatalf("vnu: %v\n%s%s", err, out, stderr.Bytes())
	}
	var report struct {
		Messages []struct {
			Type, URL, Message, Extract string
			LastLine                    int
		}
	}
	if err := json.Unmarshal(stderr.Bytes(), &report); err != nil {
		t.Fatalf("vnu output is not JSON: %v\n%s", err, stderr.Bytes())
	}
	canaryErrors := 0
	for _, m := range report.Messages {
		if m.Type != "error" && m.Type != "non-document-error" {
			continue
		}
		file := m.URL[strings.LastIndex(m.URL, filepath.Base(dir))+len(filepath.Base(dir))+1:]
		if file == canary {
			canaryErrors++
			continue
		}
		t.Errorf("%s:%d: %s\n    %s", file, m.LastLine, m.Message, m.Extract)
	}
	if canaryErrors == 0 {
		t.Errorf("vnu reported no error in %s, which has one; its report:\n%s", canary, stderr.Bytes())
	}
	t.Logf("checked %d HTML files", len(pages))
}
