package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
)

// countingFS records the files opened or read through it (not the
// directories listed or the files stat'ed).
type countingFS struct {
	fsys   fs.FS
	mu     sync.Mutex
	opened []string
}

func (c *countingFS) note(name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.opened = append(c.opened, name)
}

// take returns the files opened since the last take, sorted.
func (c *countingFS) take() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := slices.Sorted(slices.Values(c.opened))
	c.opened = nil
	return out
}

func (c *countingFS) Open(name string) (fs.File, error) { c.note(name); return c.fsys.Open(name) }
func (c *countingFS) ReadFile(name string) ([]byte, error) {
	c.note(name)
	return fs.ReadFile(c.fsys, name)
}
func (c *countingFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(c.fsys, name) }
func (c *countingFS) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(c.fsys, name) }
func (c *countingFS) ReadLink(name string) (string, error)       { return fs.ReadLink(c.fsys, name) }
func (c *countingFS) Lstat(name string) (fs.FileInfo, error)     { return fs.Lstat(c.fsys, name) }

// past is a modification time old enough for the cache to trust.
var past = time.Now().Add(-time.Hour).Truncate(time.Second).Add(123456789)

// writeTree writes cacheSite into a new temporary directory, every file
// last modified an hour ago, with content/link.md a symbolic link to
// shared.md beside the content directory.
func writeTree(t *testing.T) (string, *countingFS) {
	t.Helper()
	dir := t.TempDir()
	for _, f := range txtar.Parse([]byte(cacheSite)).Files {
		writeFile(t, filepath.Join(dir, f.Name), string(f.Data), past)
	}
	writeFile(t, filepath.Join(dir, "shared.md"), "---\ntitle: Shared\n---\n", past)
	if err := os.Symlink("../shared.md", filepath.Join(dir, "content", "link.md")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	return dir, &countingFS{fsys: os.DirFS(dir)}
}

func writeFile(t *testing.T, name, data string, mtime time.Time) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if !mtime.IsZero() {
		if err := os.Chtimes(name, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
}

// loadCounted is loadBoth through fsys that also checks Last and, unless
// opened is nil, which files the cached Load opened.
func loadCounted(t *testing.T, fsys *countingFS, files *FileCache, wantRead, wantTotal int, opened []string) {
	t.Helper()
	loadBothFS(t, fsys.fsys, fsys, Options{Dir: "content"}, files)
	got := fsys.take()
	read, reused := files.Last()
	if read != wantRead || read+reused != wantTotal {
		t.Errorf("Last() = %d read, %d reused; want %d read of %d", read, reused, wantRead, wantTotal)
	}
	if opened != nil && !slices.Equal(got, opened) {
		t.Errorf("cached Load opened %q, want %q", got, opened)
	}
}

// hasInodes reports whether statID tells the inode of the file name.
func hasInodes(t *testing.T, name string) bool {
	fi, err := os.Lstat(name)
	if err != nil {
		t.Fatal(err)
	}
	var id fileID
	statID(fi.Sys(), &id)
	return id.ino != 0
}

// ctime returns the change time of name as statID sees it.
func ctime(t *testing.T, name string) [2]int64 {
	fi, err := os.Lstat(name)
	if err != nil {
		t.Fatal(err)
	}
	var id fileID
	statID(fi.Sys(), &id)
	return [2]int64{id.ctimeSec, id.ctimeNsec}
}

func TestFileCacheOnDisk(t *testing.T) {
	t.Parallel()
	dir, fsys := writeTree(t)
	const total = 14 // markdown files and HTML pages, link.md included
	a := filepath.Join(dir, "content", "docs", "a.md")
	files := NewFileCache()
	loadCounted(t, fsys, files, total, total, nil)

	t.Run("Unchanged", func(t *testing.T) {
		loadCounted(t, fsys, files, 0, total, []string{})
	})
	t.Run("SameSizeEdit", func(t *testing.T) {
		writeFile(t, a, strings.Replace(cacheFile(t, a), "alpha", "omega", 1), time.Time{})
		loadCounted(t, fsys, files, 1, total, []string{"content/docs/a.md"})
		// Its modification time is now too recent to trust; make it old.
		if err := os.Chtimes(a, past, past.Add(time.Second)); err != nil {
			t.Fatal(err)
		}
		loadCounted(t, fsys, files, 1, total, []string{"content/docs/a.md"})
		loadCounted(t, fsys, files, 0, total, []string{})
	})
	t.Run("ModeChange", func(t *testing.T) {
		if err := os.Chmod(a, 0o600); err != nil {
			t.Fatal(err)
		}
		loadCounted(t, fsys, files, 1, total, []string{"content/docs/a.md"})
	})
	if !hasInodes(t, a) {
		t.Log("no inodes or change times on this system: skipping the tests of same size and time edits")
	} else {
		t.Run("RenamedOverSameSizeAndTime", func(t *testing.T) {
			fi, err := os.Stat(a)
			if err != nil {
				t.Fatal(err)
			}
			tmp := a + ".tmp~"
			writeFile(t, tmp, strings.Replace(cacheFile(t, a), "omega", "delta", 1), fi.ModTime())
			if err := os.Chmod(tmp, fi.Mode()); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(tmp, a); err != nil {
				t.Fatal(err)
			}
			loadCounted(t, fsys, files, 1, total, []string{"content/docs/a.md"})
		})
		t.Run("RewrittenInPlaceSameSizeAndTime", func(t *testing.T) {
			fi, err := os.Stat(a)
			if err != nil {
				t.Fatal(err)
			}
			before := ctime(t, a)
			// The change time moves with the kernel's clock tick: rewrite
			// until it has moved, as a second save by an editor would. How
			// long that takes is the machine's business: no time limit here
			// but the test binary's own.
			for i := 0; ctime(t, a) == before; i++ {
				if i > 0 {
					time.Sleep(time.Millisecond) // not to spin; the change time is what is awaited
				}
				if err := os.WriteFile(a, []byte(strings.Replace(cacheFile(t, a), "delta", "sigma", 1)), 0); err != nil {
					t.Fatal(err)
				}
				if err := os.Chtimes(a, fi.ModTime(), fi.ModTime()); err != nil {
					t.Fatal(err)
				}
			}
			loadCounted(t, fsys, files, 1, total, []string{"content/docs/a.md"})
		})
	}
	t.Run("LinkTargetEdit", func(t *testing.T) {
		writeFile(t, filepath.Join(dir, "shared.md"), "---\ntitle: Shared, edited\n---\n", past.Add(2*time.Second))
		loadCounted(t, fsys, files, 1, total, []string{"content/link.md"})
	})
	t.Run("StaticEdit", func(t *testing.T) {
		writeFile(t, filepath.Join(dir, "content", "logo.svg"), "<svg></svg>", past.Add(2*time.Second))
		loadCounted(t, fsys, files, 0, total, []string{"content/logo.svg"})
	})
	t.Run("Delete", func(t *testing.T) {
		if err := os.Remove(filepath.Join(dir, "content", "docs", "c.md")); err != nil {
			t.Fatal(err)
		}
		loadCounted(t, fsys, files, 0, total-1, []string{})
	})
}

// TestFileCacheRereadsRecentFiles: a file modified at or after the start
// of a Load is read again by every Load, since a second edit within the
// same clock tick could keep its size and times.
func TestFileCacheRereadsRecentFiles(t *testing.T) {
	t.Parallel()
	dir, fsys := writeTree(t)
	const total = 14
	b := filepath.Join(dir, "content", "docs", "b.md")
	future := time.Now().Add(time.Hour)
	if err := os.Chtimes(b, future, future); err != nil {
		t.Fatal(err)
	}
	files := NewFileCache()
	loadCounted(t, fsys, files, total, total, nil)
	for range 2 {
		loadCounted(t, fsys, files, 1, total, []string{"content/docs/b.md"})
	}
}

// cacheFile returns the contents of name.
func cacheFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
