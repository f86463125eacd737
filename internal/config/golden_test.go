package config

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/diag"
	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden parses the config.toml of each testdata/*.txtar and compares
// the resulting Config and diagnostics with its want section.
func TestGolden(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			t.Parallel()
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			src, wantIdx := goldenSections(t, ar)
			got := describe(Parse(src))
			if *update {
				ar.Files[wantIdx].Data = []byte(got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := string(ar.Files[wantIdx].Data); got != want {
				t.Errorf("Parse(%s) mismatch (run with -update to accept)\n--- got\n%s--- want\n%s", file, got, want)
			}
		})
	}
}

// goldenSections returns the config.toml source and the index of the want
// section, adding an empty want section if there is none.
func goldenSections(t *testing.T, ar *txtar.Archive) ([]byte, int) {
	t.Helper()
	var src []byte
	want := -1
	for i, f := range ar.Files {
		switch f.Name {
		case "config.toml":
			src = f.Data
		case "want":
			want = i
		}
	}
	if want < 0 {
		if !*update {
			t.Fatal("no want section (run with -update to create it)")
		}
		ar.Files = append(ar.Files, txtar.File{Name: "want"})
		want = len(ar.Files) - 1
	}
	return src, want
}

// describe prints a Parse result in a stable, diff-friendly form.
func describe(c Config, warns []*diag.Diagnostic, err error) string {
	var b strings.Builder
	fmt.Fprintf(&b, "baseURL: %q\ntitle: %q\nlanguageCode: %q\n", c.BaseURL, c.Title, c.LanguageCode)
	fmt.Fprintf(&b, "dirs: content=%q layout=%q asset=%q publish=%q\n", c.ContentDir, c.LayoutDir, c.AssetDir, c.PublishDir)
	fmt.Fprintf(&b, "minify: %v\ntoc: %+v\nhighlight: %+v\nunsafe: %v\n", c.Minify, c.TOC, c.Highlight, c.Unsafe)
	fmt.Fprintf(&b, "params: %v\n", c.Params)
	if !reflect.DeepEqual(c.LinkCheck, defaultLinkCheck()) {
		fmt.Fprintf(&b, "linkcheck: %+v\n", c.LinkCheck)
	}
	for _, w := range warns {
		named := *w
		named.File = "config.toml"
		fmt.Fprintf(&b, "warning: %s\n", named.Error())
	}
	if err != nil {
		for _, line := range strings.Split(err.Error(), "\n") {
			fmt.Fprintf(&b, "error: config.toml%s\n", line)
		}
	}
	return b.String()
}
