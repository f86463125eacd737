// Package gitdiff lists the files of a git work tree changed since a ref, by running the git binary.
package gitdiff

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path"
	"slices"
	"strings"
)

// Changes is what changed in a work tree since a ref.
type Changes struct {
	// Files are the changed files under the directory asked about, as
	// slash paths relative to it, sorted: files that differ between the
	// base and HEAD, and files changed in the work tree (staged,
	// unstaged, or untracked and not ignored). Deleted files are listed
	// too.
	Files []string
	// Base is the commit HEAD was compared with: the merge base of the
	// ref and HEAD, or the ref itself when the clone holds no merge base
	// (see NoMergeBase).
	Base string
	// NoMergeBase is set when the ref and HEAD have no common ancestor in
	// the clone (a shallow clone holds only their tips): HEAD was then
	// compared with the ref itself, so changes made on the ref's branch
	// since HEAD's branch left it count as changed too.
	NoMergeBase bool
}

// Error is a ref that cannot be compared with, and how to fix it.
type Error struct {
	Ref    string
	Reason string // "not a commit in this clone"
	Hint   string // what to run or set, "" when nothing helps
}

func (e *Error) Error() string { return e.Ref + ": " + e.Reason }

// Since returns the files under dir changed since ref, as git diff
// ref...HEAD shows them plus the work tree's changes. dir is inside a
// git work tree; git is run there with the git binary on PATH (the
// changes of `git` are the truth, no library second-guesses them). A ref
// the clone does not hold (a shallow CI clone, a typo) is an *Error
// with a hint naming what to fetch; a dir outside a work tree, or no git
// binary, is an *Error too.
func Since(ctx context.Context, dir, ref string) (Changes, error) {
	if ref == "" || strings.HasPrefix(ref, "-") {
		return Changes{}, &Error{Ref: ref, Reason: "not a git ref"}
	}
	if _, err := exec.LookPath("git"); err != nil {
		return Changes{}, &Error{Ref: ref, Reason: "git is not installed", Hint: "install git, or run without --changed-since"}
	}
	g := runner{ctx: ctx, dir: dir}
	if out, err := g.run("rev-parse", "--is-inside-work-tree"); err != nil || strings.TrimSpace(string(out)) != "true" {
		reason := "the site is not in a git work tree"
		var re *runError
		if errors.As(err, &re) && re.stderr != "" && !strings.Contains(re.stderr, "not a git repository") {
			reason += " git can use (" + firstLine(re.stderr) + ")" // dubious ownership, a broken .git
		}
		return Changes{}, &Error{Ref: ref, Reason: reason, Hint: "run in a clone of the site's repository, or without --changed-since"}
	}
	if _, err := g.run("rev-parse", "--verify", "--quiet", ref+"^{commit}"); err != nil {
		return Changes{}, &Error{Ref: ref, Reason: "not a commit in this clone (a shallow clone holds only the commit it checked out)", Hint: fetchHint(ref)}
	}
	var ch Changes
	base, err := g.run("merge-base", ref, "HEAD")
	switch {
	case err == nil:
		ch.Base = strings.TrimSpace(string(base))
	case exitCode(err) == 1: // no merge base in this clone
		ch.Base, ch.NoMergeBase = ref, true
	default:
		return Changes{}, err
	}
	files := map[string]bool{}
	for _, args := range [][]string{
		{"diff", "--name-only", "-z", "--no-renames", "--relative", ch.Base, "HEAD"},
		{"diff", "--name-only", "-z", "--no-renames", "--relative", "HEAD"},
		{"ls-files", "-z", "--others", "--exclude-standard"},
	} {
		out, err := g.run(args...)
		if err != nil {
			return Changes{}, err
		}
		for _, f := range bytes.Split(out, []byte{0}) {
			if len(f) > 0 {
				files[path.Clean(string(f))] = true
			}
		}
	}
	for f := range files {
		ch.Files = append(ch.Files, f)
	}
	slices.Sort(ch.Files)
	return ch, nil
}

// fetchHint names the fetch that brings ref into a shallow clone.
func fetchHint(ref string) string {
	remote, branch := "origin", ref
	if r, b, ok := strings.Cut(ref, "/"); ok && !strings.HasPrefix(ref, "refs/") {
		remote, branch = r, b
	}
	return fmt.Sprintf("fetch it first: git fetch --depth=1 %s %s:refs/remotes/%s/%s; in GitHub Actions, set fetch-depth: 0 on actions/checkout",
		remote, branch, remote, branch)
}

// runner runs git in one directory.
type runner struct {
	ctx context.Context
	dir string
}

// run returns git's standard output; an error carries its standard
// error.
func (g runner) run(args ...string) ([]byte, error) {
	cmd := exec.CommandContext(g.ctx, "git", append([]string{"-c", "core.quotePath=false"}, args...)...)
	cmd.Dir = g.dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, &runError{args: args, err: err, stderr: strings.TrimSpace(stderr.String())}
	}
	return out, nil
}

type runError struct {
	args   []string
	err    error
	stderr string
}

func (e *runError) Error() string {
	msg := "git " + strings.Join(e.args, " ") + ": " + e.err.Error()
	if e.stderr != "" {
		msg += ": " + e.stderr
	}
	return msg
}

func (e *runError) Unwrap() error { return e.err }

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func exitCode(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	return -1
}
