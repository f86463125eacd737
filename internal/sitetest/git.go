package sitetest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// NeedGit skips the test when git is not installed; in CI (CI set), where
// it must be, it fails it.
func NeedGit(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("git is not installed")
		}
		t.Skip("git is not installed")
	}
}

// Git runs git in dir with a fixed identity, no user or system config,
// and, when date is not empty, that author and commit date
// ("AUTHOR/COMMIT" for two).
func Git(t testing.TB, dir, date string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=Ann Author", "GIT_AUTHOR_EMAIL=ann@example.org",
		"GIT_COMMITTER_NAME=Carl Committer", "GIT_COMMITTER_EMAIL=carl@example.org")
	if date != "" {
		author, commit, two := strings.Cut(date, "/")
		if !two {
			commit = author
		}
		cmd.Env = append(cmd.Env, "GIT_AUTHOR_DATE="+author, "GIT_COMMITTER_DATE="+commit)
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// GitSite writes the files of archive into a new directory and returns
// it, and a function running Git there. The test needs git (NeedGit).
func GitSite(t *testing.T, archive string) (dir string, git func(date string, args ...string)) {
	t.Helper()
	NeedGit(t)
	dir = t.TempDir()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		WriteFile(t, filepath.Join(dir, f.Name), string(f.Data))
	}
	return dir, func(date string, args ...string) {
		t.Helper()
		Git(t, dir, date, args...)
	}
}

// WriteFile writes text to the file name, making its directories.
func WriteFile(t testing.TB, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
