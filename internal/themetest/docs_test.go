package themetest

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestThemeDocsListEveryFile checks that content/docs/theme.md, the page
// on replacing the theme's files, names every template and asset of the
// embedded theme.
func TestThemeDocsListEveryFile(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join(repoRoot, "content", "docs", "theme.md"))
	if err != nil {
		t.Fatal(err)
	}
	themeDir := filepath.Join(repoRoot, "internal", "layout", "theme")
	n := 0
	for _, sub := range []string{"layouts", "assets"} {
		root := filepath.Join(themeDir, sub)
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			n++
			if !strings.Contains(string(doc), "`"+filepath.ToSlash(rel)+"`") {
				t.Errorf("content/docs/theme.md does not name the theme's %s/%s", sub, filepath.ToSlash(rel))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if n < 15 {
		t.Errorf("found only %d theme files", n)
	}
}

// TestThemeDocsListEveryString checks that content/docs/theme.md names
// every key of the theme's translation tables, so a site knows what it
// can override.
func TestThemeDocsListEveryString(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join(repoRoot, "content", "docs", "theme.md"))
	if err != nil {
		t.Fatal(err)
	}
	en, err := os.ReadFile(filepath.Join(repoRoot, "internal", "layout", "theme", "i18n", "en.toml"))
	if err != nil {
		t.Fatal(err)
	}
	key := regexp.MustCompile(`(?m)^(?:\[(\w+)\]|(\w+) =)`)
	n := 0
	for _, m := range key.FindAllStringSubmatch(string(en), -1) {
		k := m[1] + m[2]
		if k == "one" || k == "other" {
			continue // a plural form of the table above
		}
		n++
		if !strings.Contains(string(doc), "`"+k+"`") {
			t.Errorf("content/docs/theme.md does not name the theme's string %s", k)
		}
	}
	if n < 30 {
		t.Errorf("found only %d keys in en.toml", n)
	}
}
