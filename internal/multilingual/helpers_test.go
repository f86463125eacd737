package multilingual

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/site"
)

// The helpers of package site's tests that these need.

// buildTxtar builds the site in a txtar archive (config.toml optional).
func buildTxtar(t testing.TB, archive string, opts site.Options) (*site.Site, error) {
	t.Helper()
	ar := txtar.Parse([]byte(archive))
	fsys := fstest.MapFS{}
	var cfgData []byte
	for _, f := range ar.Files {
		if f.Name == "config.toml" {
			cfgData = f.Data
		}
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	cfg, _, err := config.Parse(cfgData)
	if err != nil {
		t.Fatalf("config: %v", err)
	}
	return Build(context.Background(), fsys, cfg, opts)
}

func mustBuild(t testing.TB, archive string, opts site.Options) *site.Site {
	t.Helper()
	s, err := buildTxtar(t, archive, opts)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return s
}

func file(t testing.TB, s *site.Site, path string) string {
	t.Helper()
	for _, f := range s.Files {
		if f.Path == path {
			return string(f.Data)
		}
	}
	var names []string
	for _, f := range s.Files {
		names = append(names, f.Path)
	}
	t.Fatalf("no output file %s; have %v", path, names)
	return ""
}

func hasFile(s *site.Site, path string) bool {
	for _, f := range s.Files {
		if f.Path == path {
			return true
		}
	}
	return false
}

// errorLines returns the error diagnostics of err as printed lines.
func errorLines(err error) []string {
	var l diag.List
	l.AddError("", err)
	l.Sort()
	var out []string
	for _, d := range l {
		out = append(out, d.Error())
	}
	return out
}

// gitSite writes the files of archive into a new directory and returns
// it, and a function running git there with a fixed identity and, when
// date is not empty, that author and commit date.
func gitSite(t *testing.T, archive string) (dir string, git func(date string, args ...string)) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("git is not installed")
		}
		t.Skip("git is not installed")
	}
	dir = t.TempDir()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		writeFile(t, filepath.Join(dir, f.Name), string(f.Data))
	}
	git = func(date string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
			"GIT_AUTHOR_NAME=Ann Author", "GIT_AUTHOR_EMAIL=ann@example.org",
			"GIT_COMMITTER_NAME=Carl Committer", "GIT_COMMITTER_EMAIL=carl@example.org")
		if date != "" {
			cmd.Env = append(cmd.Env, "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
		}
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	return dir, git
}

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// buildDir builds the site in dir as quire build does (Options.Dir set).
func buildDir(t *testing.T, dir string, opts site.Options) *site.Site {
	t.Helper()
	cfg, _, _, err := config.LoadSite(dir, "production")
	if err != nil {
		t.Fatal(err)
	}
	opts.Dir = dir
	s, err := Build(context.Background(), os.DirFS(dir), cfg, opts)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return s
}
