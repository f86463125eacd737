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

// TestReadFileRefusesLinksOutOfDirFS: through os.DirFS, which follows
// symbolic links, readFile refuses a link (or a directory link on the way)
// that leads out of the site root, and follows one that stays inside.
func TestReadFileRefusesLinksOutOfDirFS(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	for _, d := range []string{filepath.Join(site, "data"), filepath.Join(dir, "outside")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(dir, "outside", "secret.txt"), "secret")
	write(filepath.Join(site, "data", "ok.txt"), "ok")
	links := map[string]string{
		filepath.Join(site, "data", "abs.txt"):  filepath.Join(dir, "outside", "secret.txt"),
		filepath.Join(site, "data", "rel.txt"):  "../../outside/secret.txt",
		filepath.Join(site, "out"):              "../outside",
		filepath.Join(site, "data", "hop.txt"):  "../hop2.txt",
		filepath.Join(site, "hop2.txt"):         "../outside/secret.txt",
		filepath.Join(site, "data", "same.txt"): "ok.txt",
		filepath.Join(site, "alias"):            "data",
	}
	for l, target := range links {
		if err := os.Symlink(target, l); err != nil {
			t.Skipf("no symlinks: %v", err)
		}
	}
	o := OS{files: os.DirFS(site)}
	for _, name := range []string{"data/abs.txt", "data/rel.txt", "out/secret.txt", "data/hop.txt"} {
		if got, err := o.ReadFile(name); err == nil || strings.Contains(got, "secret") {
			t.Errorf("ReadFile(%q) = %q, %v; want an error", name, got, err)
		}
		if ok, err := o.FileExists(name); ok || err == nil {
			t.Errorf("FileExists(%q) = %v, %v; want an error", name, ok, err)
		}
	}
	for _, name := range []string{"data/ok.txt", "data/same.txt", "alias/ok.txt", "alias/same.txt"} {
		if got, err := o.ReadFile(name); err != nil || got != "ok" {
			t.Errorf(`ReadFile(%q) = %q, %v; want "ok"`, name, got, err)
		}
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
