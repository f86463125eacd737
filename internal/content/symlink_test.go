package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/sitefs"
)

// TestLoadRefusesLinksOutside: through a sitefs.FS, a link out of the
// site root, to a file or a directory, is an error naming the link and its
// target, and nothing of the target is loaded; a link inside is a page.
func TestLoadRefusesLinksOutside(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	for _, d := range []string{"site/content", "outside"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{"site/content/a.md": "---\ntitle: A\n---\n", "outside/secret.md": "---\ntitle: SECRET\n---\n"}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"site/content/env.txt":   "/proc/self/environ",
		"site/content/secret.md": "../../outside/secret.md",
		"site/content/dir":       "../../outside",
		"site/content/b.md":      "a.md",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	fsys, err := sitefs.Open(site, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	s, _, err := Load(fsys, Options{Dir: "content"})
	hint := " (hint: " + sitefs.Hint + ")"
	want := []string{
		"content/dir: symlink to ../../outside points outside the site root" + hint,
		"content/env.txt: symlink to /proc/self/environ points outside the site root" + hint,
		"content/secret.md: symlink to ../../outside/secret.md points outside the site root" + hint,
	}
	if got := errLines(err); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Load errors =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := paths(s.Pages); strings.Join(got, ",") != ",a.md,b.md" {
		t.Errorf("pages = %q, want home, a.md and b.md", got)
	}
	if len(s.Static) != 0 {
		t.Errorf("static files = %v, want none", s.Static)
	}
}
