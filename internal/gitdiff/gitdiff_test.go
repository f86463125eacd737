package gitdiff

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// git runs git in dir with a fixed identity and no user config, failing
// the test on error.
func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// repo makes a repository whose main branch has a site under site/ and
// a branch "pr" that changes one page of it and a file outside it.
func repo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	git(t, dir, "init", "-q", "-b", "main")
	write(t, dir, map[string]string{
		"README.md":         "repo\n",
		"site/config.toml":  "title = 'x'\n",
		"site/content/a.md": "a\n",
		"site/content/b.md": "b\n",
	})
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "one")
	git(t, dir, "checkout", "-q", "-b", "pr")
	write(t, dir, map[string]string{"site/content/a.md": "a changed\n", "README.md": "changed\n"})
	git(t, dir, "commit", "-q", "-am", "two")
	return dir
}

func TestSince(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("no git binary; CI must install it")
		}
		t.Skip("no git binary")
	}
	ctx := context.Background()
	t.Run("CommittedChangesUnderTheSiteOnly", func(t *testing.T) {
		dir := repo(t)
		ch, err := Since(ctx, filepath.Join(dir, "site"), "main")
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"content/a.md"}; !slices.Equal(ch.Files, want) || ch.NoMergeBase {
			t.Errorf("Since = %q (no merge base %v), want %q", ch.Files, ch.NoMergeBase, want)
		}
	})
	t.Run("WorkTreeChangesCount", func(t *testing.T) {
		dir := repo(t)
		write(t, dir, map[string]string{"site/content/b.md": "edited\n", "site/content/new page.md": "new\n", "site/layouts/x.html": "x\n"})
		write(t, dir, map[string]string{"site/.gitignore": "public/\n", "site/public/index.html": "out\n"})
		git(t, dir, "add", "site/layouts/x.html")
		ch, err := Since(ctx, filepath.Join(dir, "site"), "main")
		if err != nil {
			t.Fatal(err)
		}
		want := []string{".gitignore", "content/a.md", "content/b.md", "content/new page.md", "layouts/x.html"}
		if !slices.Equal(ch.Files, want) {
			t.Errorf("Since = %q, want %q", ch.Files, want)
		}
	})
	t.Run("ChangesMadeOnTheRefAfterTheBranchDoNotCount", func(t *testing.T) {
		dir := repo(t)
		git(t, dir, "checkout", "-q", "main")
		write(t, dir, map[string]string{"site/content/b.md": "main moved on\n"})
		git(t, dir, "commit", "-q", "-am", "three")
		git(t, dir, "checkout", "-q", "pr")
		ch, err := Since(ctx, filepath.Join(dir, "site"), "main")
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"content/a.md"}; !slices.Equal(ch.Files, want) {
			t.Errorf("Since = %q, want %q", ch.Files, want)
		}
	})
	t.Run("UnknownRefNamesTheFetch", func(t *testing.T) {
		dir := repo(t)
		_, err := Since(ctx, dir, "origin/main")
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(e.Hint, "git fetch --depth=1 origin main") || !strings.Contains(e.Hint, "fetch-depth: 0") {
			t.Errorf("Since(unknown ref) = %v (hint %q), want an *Error naming the fetch", err, hintOf(e))
		}
	})
	t.Run("ShallowCloneComparesWithTheRefItself", func(t *testing.T) {
		src := repo(t)
		clone := filepath.Join(t.TempDir(), "clone")
		git(t, src, "clone", "-q", "--depth=1", "--branch", "pr", "file://"+src, clone)
		if _, err := Since(ctx, clone, "origin/main"); err == nil {
			t.Fatal("Since before fetching the ref: no error")
		}
		git(t, clone, "fetch", "-q", "--depth=1", "origin", "main:refs/remotes/origin/main")
		ch, err := Since(ctx, filepath.Join(clone, "site"), "origin/main")
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"content/a.md"}; !slices.Equal(ch.Files, want) || !ch.NoMergeBase {
			t.Errorf("Since = %q (no merge base %v), want %q with no merge base", ch.Files, ch.NoMergeBase, want)
		}
	})
	t.Run("NotAWorkTree", func(t *testing.T) {
		_, err := Since(ctx, t.TempDir(), "main")
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(e.Reason, "not in a git work tree") {
			t.Errorf("Since(not a repo) = %v, want an *Error", err)
		}
	})
	t.Run("RefLikeAFlagIsRefused", func(t *testing.T) {
		dir := repo(t)
		var e *Error
		if _, err := Since(ctx, dir, "--output=x"); !errors.As(err, &e) {
			t.Errorf("Since(--output=x) = %v, want an *Error", err)
		}
	})
}

func hintOf(e *Error) string {
	if e == nil {
		return ""
	}
	return e.Hint
}
