//go:build unix

package publish

import (
	"maps"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// ino returns the inode number of name.
func ino(t *testing.T, name string) uint64 {
	t.Helper()
	fi, err := os.Lstat(name)
	if err != nil {
		t.Fatal(err)
	}
	return uint64(fi.Sys().(*syscall.Stat_t).Ino)
}

// TestStageReusesSpare builds four times into one dir through a Stage:
// from the third build on, the staging directory is the spare, the output
// before last, so an unchanged path has the inode it had two builds ago.
// Every output is exactly its build's files, and the spare is kept.
func TestStageReusesSpare(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "public")
	spare := filepath.Join(filepath.Dir(dir), spareName("public"))
	builds := [][]File{
		files("index.html", "v1", "docs/a/index.html", "a1", "gone/index.html", "g", "css/site.css", "c"),
		files("index.html", "v2", "docs/a/index.html", "a2", "docs/b/index.html", "b", "css/site.css", "c"),
		files("index.html", "v3", "docs/a/index.html", "a3", "css/site.css", "c", "new.html", "n"),
		files("index.html", "v4 is longer", "docs/a/index.html", "a", "css/site.css", "c"),
	}
	var inos, dirInos []uint64
	for i, fs := range builds {
		if err := builders["Stage"](dir, fs); err != nil {
			t.Fatalf("build %d: %v", i+1, err)
		}
		if got, w := entries(t, dir), want(fs); !maps.Equal(got, w) {
			t.Errorf("output of build %d = %v, want exactly %v", i+1, got, w)
		}
		inos = append(inos, ino(t, filepath.Join(dir, "docs", "a", "index.html")))
		dirInos = append(dirInos, ino(t, filepath.Join(dir, "docs")))
		if i == 0 {
			continue
		}
		onlySpare(t, dir)
		if got, w := entries(t, spare), want(builds[i-1]); !maps.Equal(got, w) {
			t.Errorf("spare after build %d = %v, want the output before: %v", i+1, got, w)
		}
		if i >= 2 && (inos[i] != inos[i-2] || dirInos[i] != dirInos[i-2]) {
			t.Errorf("build %d: inodes of docs/a/index.html %v and docs %v, want those of build %d: the spare was not reused",
				i+1, inos, dirInos, i-1)
		}
	}
	if inos[1] == inos[0] {
		t.Errorf("builds 1 and 2 share inode %d: build 2 had no spare to reuse", inos[0])
	}
}

// TestWriteFileInPlace: writeFile overwrites a regular file in place,
// truncating it and fixing its mode, and replaces what it must not write
// through or into: a symbolic link, a directory, a hard-linked file, and
// a file it may not open for writing.
func TestWriteFileInPlace(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	put(t, tmp, "in/plain", "a long old content", "in/ro", "x", "outside", "outside",
		"in/dir/sub/f", "f", "in/linked", "shared", "in/readonly", "r")
	os.Chmod(filepath.Join(tmp, "in", "ro"), 0o600)
	os.Chmod(filepath.Join(tmp, "in", "readonly"), 0o444) // not writable unless root
	if err := os.Symlink(filepath.Join(tmp, "outside"), filepath.Join(tmp, "in", "link")); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(filepath.Join(tmp, "in", "linked"), filepath.Join(tmp, "other-name")); err != nil {
		t.Fatal(err)
	}
	plain := ino(t, filepath.Join(tmp, "in", "plain"))
	for _, name := range []string{"plain", "ro", "readonly", "link", "dir", "linked", "new"} {
		if err := writeFile(filepath.Join(tmp, "in", name), []byte("new")); err != nil {
			t.Fatalf("writeFile %s: %v", name, err)
		}
		fi, err := os.Lstat(filepath.Join(tmp, "in", name))
		if err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm() != filePerm {
			t.Errorf("%s after writeFile: %v, %v, want a regular file of mode %v", name, fi.Mode(), err, filePerm)
		}
		if b, _ := os.ReadFile(filepath.Join(tmp, "in", name)); string(b) != "new" {
			t.Errorf("%s = %q, want %q", name, b, "new")
		}
	}
	if got := ino(t, filepath.Join(tmp, "in", "plain")); got != plain {
		t.Errorf("plain has inode %d, want %d: it was not overwritten in place", got, plain)
	}
	want := map[string]string{"outside": "file:outside", "other-name": "file:shared"}
	for p, w := range want {
		if got := entries(t, tmp)[p]; got != w {
			t.Errorf("%s = %q, want it untouched: %q", p, got, w)
		}
	}
}
