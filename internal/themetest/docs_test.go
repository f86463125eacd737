package themetest

import (
	"io/fs"
	"os"
	"path/filepath"
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
