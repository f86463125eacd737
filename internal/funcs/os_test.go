package funcs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadFileConfinedToRoot: through an os.Root's FS (what a build
// passes), readFile cannot leave the site root, by ".." or by a symlink.
func TestReadFileConfinedToRoot(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	if err := os.MkdirAll(filepath.Join(site, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "data", "ok.txt"), []byte("ok"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "secret.txt"), filepath.Join(site, "data", "link.txt")); err != nil {
		t.Skipf("no symlinks: %v", err)
	}
	root, err := os.OpenRoot(site)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	o := OS{files: root.FS()}
	if got, err := o.ReadFile("data/ok.txt"); err != nil || got != "ok" {
		t.Errorf(`ReadFile("data/ok.txt") = %q, %v; want "ok"`, got, err)
	}
	for _, name := range []string{"data/link.txt", "../secret.txt", "/../secret.txt", "data/../../secret.txt", `..\secret.txt`, filepath.Join(dir, "secret.txt")} {
		got, err := o.ReadFile(name)
		if err == nil || strings.Contains(got, "secret") {
			t.Errorf("ReadFile(%q) = %q, %v; want an error", name, got, err)
		}
	}
	if ok, _ := o.FileExists("data/link.txt"); ok {
		t.Errorf(`FileExists("data/link.txt") = true for a symlink out of the root`)
	}
}

// TestWarnfOncePerMessage: warnf reports each distinct message once.
func TestWarnfOncePerMessage(t *testing.T) {
	t.Parallel()
	var got []string
	fm := testFuncs(func(m string) { got = append(got, m) })
	f := fm["warnf"].(func(string, ...any) string)
	f("a %d", 1)
	f("a %d", 1)
	f("b")
	if strings.Join(got, "|") != "a 1|b" {
		t.Errorf("warnings = %q, want [a 1 b]", got)
	}
}
