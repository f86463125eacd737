package gitinfo

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/quire-docs/quire/internal/sitetest"
)

// history makes a repository whose site is in docs/: content/a.md
// committed on 2024-01-02 and changed on 2024-03-04, content/b c.md
// committed on 2024-01-02 and renamed to content/d.md on 2024-05-06,
// and content/new.md not committed.
func history(t *testing.T) (repo string) {
	repo = t.TempDir()
	sitetest.Git(t, repo, "", "init", "-q", "-b", "main")
	sitetest.WriteFile(t, filepath.Join(repo, "docs/content/a.md"), "a\n")
	sitetest.WriteFile(t, filepath.Join(repo, "docs/content/b c.md"), "b\n")
	sitetest.WriteFile(t, filepath.Join(repo, "README"), "r\n")
	sitetest.Git(t, repo, "", "add", ".")
	sitetest.Git(t, repo, "2024-01-02T10:00:00Z", "commit", "-q", "-m", "Add a and b")
	sitetest.WriteFile(t, filepath.Join(repo, "docs/content/a.md"), "a2\n")
	sitetest.Git(t, repo, "2024-03-04T10:00:00Z", "commit", "-q", "-a", "-m", "Change a")
	sitetest.Git(t, repo, "", "mv", "docs/content/b c.md", "docs/content/d.md")
	sitetest.Git(t, repo, "2024-05-06T10:00:00Z", "commit", "-q", "-m", "Rename b")
	sitetest.WriteFile(t, filepath.Join(repo, "docs/content/new.md"), "n\n")
	return repo
}

func day(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestReadGivesEachFileItsLastCommit(t *testing.T) {
	sitetest.NeedGit(t)
	repo := history(t)
	info, err := Read(context.Background(), filepath.Join(repo, "docs"), []string{"content"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if info.Shallow {
		t.Error("Shallow = true for a full clone")
	}
	if len(info.Head) != 40 {
		t.Errorf("Head = %q, want a hash", info.Head)
	}
	for _, tc := range []struct {
		file    string
		date    string // "" for no commit
		subject string
	}{
		{"content/a.md", "2024-03-04T10:00:00Z", "Change a"},
		{"content/d.md", "2024-05-06T10:00:00Z", "Rename b"},
		{"content/new.md", "", ""}, // untracked
		{"README", "", ""},         // outside the site
	} {
		c := info.File(tc.file)
		if tc.date == "" {
			if c != nil {
				t.Errorf("File(%q) = %+v, want nil", tc.file, c)
			}
			continue
		}
		if c == nil {
			t.Errorf("File(%q) = nil, want the commit %q", tc.file, tc.subject)
			continue
		}
		if !c.AuthorDate.Equal(day(tc.date)) || !c.CommitDate.Equal(day(tc.date)) || c.Subject != tc.subject {
			t.Errorf("File(%q) = %v %v %q, want %s %q", tc.file, c.AuthorDate, c.CommitDate, c.Subject, tc.date, tc.subject)
		}
		if c.AuthorName != "Ann Author" || c.AuthorEmail != "ann@example.org" || len(c.Hash) != 40 || c.AbbreviatedHash == "" || c.Hash[:len(c.AbbreviatedHash)] != c.AbbreviatedHash {
			t.Errorf("File(%q) = %+v: wrong author or hashes", tc.file, c)
		}
	}
}

func TestReadFindsShallowClone(t *testing.T) {
	sitetest.NeedGit(t)
	repo := history(t)
	clone := filepath.Join(t.TempDir(), "clone")
	sitetest.Git(t, repo, "", "clone", "-q", "--depth=1", "file://"+repo, clone)
	info, err := Read(context.Background(), filepath.Join(clone, "docs"), []string{"content"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !info.Shallow {
		t.Error("Shallow = false for a clone with --depth=1")
	}
	// Its one commit touched every file: the dates a shallow clone gives.
	if c := info.File("content/a.md"); c == nil || !c.AuthorDate.Equal(day("2024-05-06T10:00:00Z")) {
		t.Errorf("File(content/a.md) = %+v, want the clone's only commit", c)
	}
}

func TestReadWithoutHistory(t *testing.T) {
	sitetest.NeedGit(t)
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	_, err := Read(context.Background(), dir, []string{"content"}, nil)
	if !errors.Is(err, ErrNoHistory) {
		t.Fatalf("Read outside a repository: %v, want ErrNoHistory", err)
	}
	sitetest.Git(t, dir, "", "init", "-q")
	if _, err := Read(context.Background(), dir, []string{"content"}, nil); !errors.Is(err, ErrNoHistory) {
		t.Fatalf("Read in a repository without commits: %v, want ErrNoHistory", err)
	}
}

func TestEqual(t *testing.T) {
	a := &Commit{Hash: "1"}
	b := &Commit{Hash: "2"}
	for _, tc := range []struct {
		name string
		i, j *Info
		want bool
	}{
		{"BothNil", nil, nil, true},
		{"OneNil", nil, &Info{}, false},
		{"SameFiles", &Info{Head: "h", files: map[string]*Commit{"x": a}}, &Info{Head: "h", files: map[string]*Commit{"x": {Hash: "1"}}}, true},
		{"OtherHead", &Info{Head: "h"}, &Info{Head: "g"}, false},
		{"OtherCommit", &Info{files: map[string]*Commit{"x": a}}, &Info{files: map[string]*Commit{"x": b}}, false},
		{"OtherFile", &Info{files: map[string]*Commit{"x": a}}, &Info{files: map[string]*Commit{"y": a}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.i.Equal(tc.j); got != tc.want {
				t.Errorf("Equal = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestReadReusesLastForSameHead: with the same HEAD the log would be the
// same, so the last result is reused; a commit makes a new one.
func TestReadReusesLastForSameHead(t *testing.T) {
	sitetest.NeedGit(t)
	repo := history(t)
	dir := filepath.Join(repo, "docs")
	first, err := Read(context.Background(), dir, []string{"content"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Read(context.Background(), dir, []string{"content"}, first)
	if err != nil || again != first {
		t.Errorf("Read with the same HEAD = %p, %v; want the last result %p", again, err, first)
	}
	if other, _ := Read(context.Background(), dir, []string{"other"}, first); other == first {
		t.Error("Read of other dirs reused the last result")
	}
	sitetest.WriteFile(t, filepath.Join(dir, "content/new.md"), "n2\n")
	sitetest.Git(t, repo, "", "add", ".")
	sitetest.Git(t, repo, "2024-07-08T10:00:00Z", "commit", "-q", "-m", "Add new")
	after, err := Read(context.Background(), dir, []string{"content"}, first)
	if err != nil {
		t.Fatal(err)
	}
	if after == first || after.Head == first.Head {
		t.Fatal("Read after a commit reused the last result")
	}
	if c := after.File("content/new.md"); c == nil || c.Subject != "Add new" {
		t.Errorf("File(content/new.md) after the commit = %+v, want the commit", c)
	}
}

// TestForBuild: ForBuild runs git only when enabled, and turns what
// keeps git from answering, and a shallow clone, into one warning each.
func TestForBuild(t *testing.T) {
	ctx := context.Background()
	if info, warns := ForBuild(ctx, false, "/nowhere", []string{"content"}, nil); info != nil || warns != nil {
		t.Errorf("ForBuild disabled = %v, %v; want nothing", info, warns)
	}
	if info, warns := ForBuild(ctx, true, "", []string{"content"}, nil); info != nil || len(warns) != 1 ||
		!strings.Contains(warns[0].String(), "enableGitInfo: the site is not in a directory git can read") {
		t.Errorf("ForBuild without a dir = %v, %v; want one warning", info, warns)
	}
	sitetest.NeedGit(t)
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	if info, warns := ForBuild(ctx, true, dir, []string{"content"}, nil); info != nil || len(warns) != 1 ||
		!strings.Contains(warns[0].String(), "enableGitInfo: no git history") {
		t.Errorf("ForBuild outside a repository = %v, %v; want one warning of no history", info, warns)
	}
	repo := history(t)
	info, warns := ForBuild(ctx, true, filepath.Join(repo, "docs"), []string{"content"}, nil)
	if info == nil || info.File("content/a.md") == nil || warns != nil {
		t.Errorf("ForBuild in a repository = %v, %v; want its commits and no warning", info, warns)
	}
	clone := filepath.Join(t.TempDir(), "clone")
	sitetest.Git(t, repo, "", "clone", "-q", "--depth=1", "file://"+repo, clone)
	info, warns = ForBuild(ctx, true, filepath.Join(clone, "docs"), []string{"content"}, nil)
	if info == nil || len(warns) != 1 || !strings.Contains(warns[0].String(), "shallow clone: dates from git are wrong") {
		t.Errorf("ForBuild in a shallow clone = %v, %v; want its commits and one warning", info, warns)
	}
}
