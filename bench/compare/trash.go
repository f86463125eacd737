package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// trash holds directories moved out of the way during the runs, to be
// deleted after them.
type trash struct {
	dir string
	n   int
}

func newTrash(work string) *trash {
	return &trash{dir: filepath.Join(work, ".trash")}
}

// put moves path into the trash; a missing path is not an error.
func (t *trash) put(path string) error {
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err := os.MkdirAll(t.dir, 0o755); err != nil {
		return err
	}
	t.n++
	return os.Rename(path, filepath.Join(t.dir, fmt.Sprintf("%d-%s", t.n, filepath.Base(path))))
}

// empty deletes the trash and what an earlier, interrupted run left in it.
func (t *trash) empty() {
	if err := os.RemoveAll(t.dir); err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
	}
}
