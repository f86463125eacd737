package sitefs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// tree makes dir/site and dir/outside with files and links: a name
// ending in "@" is a symbolic link to the value.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, v := range files {
		p := filepath.Join(dir, filepath.FromSlash(strings.TrimSuffix(name, "@")))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		if strings.HasSuffix(name, "@") {
			err = os.Symlink(strings.ReplaceAll(v, "$DIR", dir), p)
		} else {
			err = os.WriteFile(p, []byte(v), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestReadThroughLinks(t *testing.T) {
	t.Parallel()
	dir := tree(t, map[string]string{
		"site/content/a.md":            "A",
		"site/content/rel.md@":         "a.md",
		"site/content/abs.md@":         "$DIR/site/content/a.md",
		"site/content/sub@":            "../layouts",
		"site/layouts/x.html":          "X",
		"site/content/env.txt@":        "/proc/self/environ",
		"site/content/secret.txt@":     "../../outside/secret",
		"site/content/out@":            "../../outside",
		"site/content/hop.md@":         "rel2.md",
		"site/content/rel2.md@":        "../../outside/secret",
		"site/content/dangling.md@":    "nothing.md",
		"site/content/dangling2.md@":   "/nonexistent/x",
		"site/content/shared.md@":      "../../shared/s.md",
		"site/content/shareddir@":      "../../shared",
		"outside/secret":               "SECRET",
		"shared/s.md":                  "S",
		"site/content/sharedhop.md@":   "shareddir/s.md",
		"site/content/outside-hop.md@": "shareddir/../outside/secret",
	})
	f, err := Open(filepath.Join(dir, "site"), []string{"../shared"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	tests := []struct {
		name, file string
		want       string // content; "" for an error
		outside    string // the OutsideError's target, when one is wanted
		notExist   bool
	}{
		{name: "RegularFile", file: "content/a.md", want: "A"},
		{name: "RelativeLinkInside", file: "content/rel.md", want: "A"},
		{name: "AbsoluteLinkInside", file: "content/abs.md", want: "A"},
		{name: "LinkedDirectoryInside", file: "content/sub/x.html", want: "X"},
		{name: "ProcEnvironRefused", file: "content/env.txt", outside: "/proc/self/environ"},
		{name: "LinkOutsideRefused", file: "content/secret.txt", outside: "../../outside/secret"},
		{name: "LinkedDirectoryOutsideRefused", file: "content/out/secret", outside: filepath.Join(dir, "outside/secret")},
		{name: "ChainOutsideRefused", file: "content/hop.md", outside: "rel2.md"},
		{name: "DanglingInside", file: "content/dangling.md", notExist: true},
		{name: "DanglingOutside", file: "content/dangling2.md", notExist: true},
		{name: "AllowedFile", file: "content/shared.md", want: "S"},
		{name: "AllowedDirectory", file: "content/shareddir/s.md", want: "S"},
		{name: "ThroughAllowedDirectory", file: "content/sharedhop.md", want: "S"},
		{name: "OutOfAllowedDirectoryRefused", file: "content/outside-hop.md", outside: "shareddir/../outside/secret"},
		{name: "DotDotInvalid", file: "../outside/secret"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b, err := fs.ReadFile(f, tt.file)
			if tt.want != "" {
				if err != nil || string(b) != tt.want {
					t.Errorf("ReadFile(%s) = %q, %v; want %q", tt.file, b, err, tt.want)
				}
				if _, err := f.Stat(tt.file); err != nil {
					t.Errorf("Stat(%s): %v", tt.file, err)
				}
				return
			}
			if err == nil {
				t.Fatalf("ReadFile(%s) = %q, want an error", tt.file, b)
			}
			var oe *OutsideError
			switch {
			case tt.outside != "":
				if !errors.As(err, &oe) || oe.Target != tt.outside {
					t.Errorf("ReadFile(%s) error = %v, want an OutsideError to %s", tt.file, err, tt.outside)
				}
				if _, err := f.Stat(tt.file); !errors.As(err, &oe) {
					t.Errorf("Stat(%s) error = %v, want an OutsideError", tt.file, err)
				}
				if _, err := f.Open(tt.file); !errors.As(err, &oe) {
					t.Errorf("Open(%s) error = %v, want an OutsideError", tt.file, err)
				}
			case tt.notExist:
				if !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("ReadFile(%s) error = %v, want fs.ErrNotExist", tt.file, err)
				}
			}
		})
	}
}

// TestOutsideMessage: the error names the link's target and says why.
func TestOutsideMessage(t *testing.T) {
	t.Parallel()
	dir := tree(t, map[string]string{"site/env.txt@": "/proc/self/environ"})
	f, err := Open(filepath.Join(dir, "site"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	_, err = fs.ReadFile(f, "env.txt")
	if want := "open env.txt: symlink to /proc/self/environ points outside the site root"; err == nil || err.Error() != want {
		t.Errorf("ReadFile error = %v, want %q", err, want)
	}
}

func TestWalkAllowedContentDir(t *testing.T) {
	t.Parallel()
	dir := tree(t, map[string]string{
		"site/content@":       "../shared/docs",
		"shared/docs/a.md":    "A",
		"shared/docs/b/c.md":  "C",
		"site/layouts/x.html": "X",
	})
	f, err := Open(filepath.Join(dir, "site"), []string{filepath.Join(dir, "shared")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	if err := fstest.TestFS(f, "layouts/x.html"); err != nil {
		t.Error(err)
	}
	sub, err := fs.Sub(f, "content")
	if err != nil {
		t.Fatal(err)
	}
	if err := fstest.TestFS(sub, "a.md", "b/c.md"); err != nil {
		t.Error(err)
	}
	if b, err := fs.ReadFile(sub, "b/c.md"); err != nil || string(b) != "C" {
		t.Errorf("Sub(content).ReadFile(b/c.md) = %q, %v; want C", b, err)
	}
}

func TestOpenAllowedMissing(t *testing.T) {
	t.Parallel()
	dir := tree(t, map[string]string{"site/a.md": "A"})
	_, err := Open(filepath.Join(dir, "site"), []string{"../nothing"})
	if err == nil || !strings.HasPrefix(err.Error(), `config.toml: security.allowOutside: "../nothing": `) {
		t.Errorf("Open error = %v, want one naming the allowOutside entry", err)
	}
}
