package site

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

var updateThemeShortcodes = flag.Bool("update-theme-shortcodes", false, "rewrite testdata/theme-shortcodes/*.txtar's want files")

// TestThemeShortcodes builds each site in testdata/theme-shortcodes/*.txtar
// (the shortcodes quire has built in for sites whose Hugo theme is not
// there: Docsy, Hextra, Hugo Book, Relearn) with minify = false, and
// compares the content of its page a/index.html with the archive's
// want.html, and the build's errors, one a line, with its want-errors
// (none when it has no such file). -update-theme-shortcodes rewrites them.
func TestThemeShortcodes(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("testdata/theme-shortcodes/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/theme-shortcodes/*.txtar: %v", err)
	}
	for _, path := range files {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			ar := txtar.Parse(data)
			site := &txtar.Archive{}
			var wantHTML, wantErrs string
			for _, f := range ar.Files {
				switch f.Name {
				case "want.html":
					wantHTML = string(f.Data)
				case "want-errors":
					wantErrs = string(f.Data)
				case "config.toml":
					f.Data = append([]byte("minify = false\n"), f.Data...)
					site.Files = append(site.Files, f)
				default:
					site.Files = append(site.Files, f)
				}
			}
			s, err := buildTxtar(t, string(txtar.Format(site)), Options{})
			gotErrs := ""
			if lines := errorLines(err); len(lines) > 0 {
				gotErrs = strings.Join(lines, "\n") + "\n"
			}
			gotHTML := ""
			if err == nil {
				gotHTML = pageContent(file(t, s, "a/index.html")) + "\n"
			}
			if *updateThemeShortcodes {
				var keep []txtar.File
				for _, f := range ar.Files {
					if f.Name != "want.html" && f.Name != "want-errors" {
						keep = append(keep, f)
					}
				}
				if gotErrs != "" {
					keep = append(keep, txtar.File{Name: "want-errors", Data: []byte(gotErrs)})
				}
				if gotHTML != "" {
					keep = append(keep, txtar.File{Name: "want.html", Data: []byte(gotHTML)})
				}
				ar.Files = keep
				if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if gotErrs != wantErrs {
				t.Errorf("errors:\n%s\nwant:\n%s", gotErrs, wantErrs)
			}
			if gotHTML != wantHTML {
				t.Errorf("a/index.html content:\n%s\nwant:\n%s\n(run with -update-theme-shortcodes to accept)", gotHTML, wantHTML)
			}
		})
	}
}

// pageContent returns what the default theme's page template writes in
// <div class="content">: the page's rendered body.
func pageContent(page string) string {
	const open = `<div class="content">`
	i := strings.Index(page, open)
	if i < 0 {
		return page
	}
	body := page[i+len(open):]
	for _, end := range []string{"</article>", `<nav class="prevnext"`} {
		if j := strings.Index(body, end); j >= 0 {
			body = body[:j]
		}
	}
	body = strings.TrimSuffix(strings.TrimSpace(body), "</div>")
	return strings.TrimSpace(body)
}
