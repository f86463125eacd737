// Package gitinfo reads, in one git log, the last commit of every file of
// a site's content: the dates of enableGitInfo.
package gitinfo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path"
	"strings"
	"time"
)

// Commit is the last commit that touched a file, with the fields of Hugo's
// .GitInfo.
type Commit struct {
	Hash            string
	AbbreviatedHash string
	Subject         string
	AuthorName      string
	AuthorEmail     string
	AuthorDate      time.Time
	CommitDate      time.Time
}

// Info is what one Read found: the commit HEAD names, whether the clone is
// shallow, and the last commit of each file.
type Info struct {
	Head    string // HEAD's hash
	Shallow bool   // a shallow clone: older history is missing, so dates are wrong
	files   map[string]*Commit
	key     string // what else the log read: dir's place in the repository, the dirs
}

// File returns the last commit that touched name (a slash path from the
// site root, "content/docs/install.md"), or nil when git knows of none
// (an untracked file) or i is nil.
func (i *Info) File(name string) *Commit {
	if i == nil {
		return nil
	}
	return i.files[name]
}

// Equal reports whether i and j found the same HEAD, shallowness and
// commits: whether pages built with either have the same dates.
func (i *Info) Equal(j *Info) bool {
	if i == j {
		return true
	}
	if i == nil || j == nil {
		return i == j
	}
	if i.Head != j.Head || i.Shallow != j.Shallow || len(i.files) != len(j.files) {
		return false
	}
	for k, c := range i.files {
		if d, ok := j.files[k]; !ok || *c != *d {
			return false
		}
	}
	return true
}

// Timeout bounds the git processes of one Read.
const Timeout = time.Minute

// ErrNoHistory is returned (wrapped, saying why) by Read when there is
// no history to read: git is missing, dir is in no git repository, or
// the repository has no commit yet.
var ErrNoHistory = errors.New("no git history")

// Read runs git in dir, the site root: one git rev-parse for HEAD, the
// shallowness and dir's place in the repository, then one git log over
// the directories dirs (slash paths from dir, such as "content") mapping
// every file to the newest commit that touched it. A rename counts as a
// change of the new path. Merge commits are skipped, as Hugo does. Both
// processes end with ctx, or after Timeout.
//
// last, when not nil, is a previous Read's result (quire serve's last
// build): when HEAD, the shallowness, dir's place and dirs are the same,
// the log would be the same, so last is returned without running it.
func Read(ctx context.Context, dir string, dirs []string, last *Info) (*Info, error) {
	ctx, cancel := context.WithTimeout(ctx, Timeout)
	defer cancel()
	out, err := run(ctx, dir, "rev-parse", "--is-shallow-repository", "--show-prefix", "HEAD")
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) != 3 {
		return nil, fmt.Errorf("git rev-parse: unexpected output %q", out)
	}
	prefix := lines[1] // dir within the repository, "docs/" or ""
	info := &Info{Shallow: lines[0] == "true", Head: lines[2], key: prefix}
	args := []string{"log", "-z", "--name-only", "--no-merges", "--no-renames",
		"--format=%x1e%H%x1f%h%x1f%aN%x1f%aE%x1f%aI%x1f%cI%x1f%s", "--"}
	for _, d := range dirs {
		args = append(args, path.Clean("./"+d))
		info.key += "\x00" + path.Clean("./"+d)
	}
	if last != nil && last.Head == info.Head && last.Shallow == info.Shallow && last.key == info.key {
		return last, nil
	}
	if out, err = run(ctx, dir, args...); err != nil {
		return nil, err
	}
	info.files, err = parseLog(out, prefix)
	return info, err
}

// run runs git with args in dir and returns its standard output. Git's
// configuration that would change the output (colour, signatures, quoted
// paths) is overridden.
func run(ctx context.Context, dir string, args ...string) ([]byte, error) {
	sub := args[0]
	args = append([]string{"-c", "core.quotepath=off", "-c", "log.showSignature=false",
		"-c", "color.ui=false", "--no-pager"}, args...)
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	cmd.Env = append(cmd.Environ(), "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err == nil {
		return out, nil
	}
	if ctx.Err() != nil {
		return nil, fmt.Errorf("git %s: %w", sub, ctx.Err())
	}
	msg := strings.TrimSpace(stderr.String())
	switch {
	case errors.Is(err, exec.ErrNotFound):
		return nil, fmt.Errorf("%w: git is not installed", ErrNoHistory)
	case strings.Contains(msg, "not a git repository"):
		return nil, fmt.Errorf("%w: not a git repository", ErrNoHistory)
	case strings.Contains(msg, "unknown revision") || strings.Contains(msg, "does not have any commits") ||
		strings.Contains(msg, "ambiguous argument 'HEAD'"):
		return nil, fmt.Errorf("%w: no commit yet", ErrNoHistory)
	}
	if msg == "" {
		msg = err.Error()
	}
	return nil, fmt.Errorf("git %s: %s", sub, firstLine(msg))
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}
