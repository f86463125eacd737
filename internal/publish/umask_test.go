//go:build unix

package publish

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// TestStrictUmask: with a umask of 077 (umask reads it once per process,
// so the check runs in a child process) published files and directories
// are still world-readable, from Write and from a Stage.
func TestStrictUmask(t *testing.T) {
	t.Parallel()
	if os.Getenv("QUIRE_UMASK_CHILD") != "" {
		t.Skip("the child runs TestStrictUmaskChild")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestStrictUmaskChild$", "-test.v")
	cmd.Env = append(os.Environ(), "QUIRE_UMASK_CHILD="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
}

func TestStrictUmaskChild(t *testing.T) {
	root := os.Getenv("QUIRE_UMASK_CHILD")
	if root == "" {
		t.Skip("run by TestStrictUmask")
	}
	syscall.Umask(0o077)
	if !chmodNeeded(filePerm) || !chmodNeeded(dirPerm) {
		t.Fatalf("umask read as %o, want 77", umask())
	}
	written := filepath.Join(root, "written")
	if err := Write(written, files("a/b/c.html", "c")); err != nil {
		t.Fatal(err)
	}
	staged := filepath.Join(root, "staged")
	s := NewStage(staged)
	if err := s.Write(File{Path: "a/b/c.html", Data: []byte("c")}); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{written, staged} {
		for p, want := range map[string]fs.FileMode{".": 0o755, "a": 0o755, "a/b": 0o755, "a/b/c.html": 0o644, Marker: 0o644} {
			fi, err := os.Stat(filepath.Join(dir, p))
			if err != nil {
				t.Fatal(err)
			}
			if got := fi.Mode().Perm(); got != want {
				t.Errorf("%s: mode of %s = %v, want %v", filepath.Base(dir), p, got, want)
			}
		}
	}
}
