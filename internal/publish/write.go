package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// writeFile writes data to the file name, world-readable whatever the
// umask; tests swap it to fail midway. A staging directory may be a reused
// spare (see spareName), so name may exist already: a regular file with no
// other hard link is overwritten in place, keeping its inode, which on
// ext4 without a journal is much cheaper than creating a new one. Anything
// else in the way (a symbolic link, a directory, a hard-linked file) is
// removed and the file created afresh, and so is a file it cannot open.
// It is safe for concurrent use on different names.
func writeFile(name string, data []byte) error {
	// A new file (every file of a fresh staging directory) takes one call;
	// in a reused spare this one fails, answered from the dentry cache, and
	// the file is opened again to be overwritten.
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL|noFollow, filePerm) // os adds O_CLOEXEC
	if err == nil {
		return writeOpened(f, data, nil)
	}
	if !errors.Is(err, fs.ErrExist) {
		return err
	}
	flag := os.O_WRONLY | os.O_CREATE | noFollow
	old, err := os.Lstat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		old = nil
	case err != nil:
		return err
	case !old.Mode().IsRegular() || hardLinked(old):
		if err := os.RemoveAll(name); err != nil {
			return err
		}
		old = nil
	}
	if old == nil {
		flag |= os.O_EXCL // never through a name that appeared meanwhile
	}
	f, err = os.OpenFile(name, flag, filePerm)
	if err != nil && old != nil && os.Remove(name) == nil {
		// One quire may not open for writing (another user's, say) is
		// replaced, as when every staging directory was new.
		old = nil
		f, err = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL|noFollow, filePerm)
	}
	if err != nil {
		return err
	}
	return writeOpened(f, data, old)
}

// writeOpened writes data to f, opened for writing by writeFile over old (nil
// when f is new), and closes it.
func writeOpened(f *os.File, data []byte, old fs.FileInfo) error {
	_, err := f.Write(data)
	// Truncating after the write, and only when the old file was longer,
	// is faster than O_TRUNC: a file truncated to 0 and written again is
	// flushed by ext4 at close (auto_da_alloc).
	if err == nil && old != nil && old.Size() > int64(len(data)) {
		err = f.Truncate(int64(len(data)))
	}
	// The mode given to OpenFile is filtered by the umask, and an existing
	// file keeps its own.
	if err == nil && (old == nil && chmodNeeded(filePerm) || old != nil && old.Mode().Perm() != filePerm) {
		err = f.Chmod(filePerm)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// mkdir makes the directory name, world-readable whatever the umask. A
// directory already there (in a reused staging directory) is kept; a
// symbolic link or a file in the way is removed first.
func mkdir(name string) error {
	err := os.Mkdir(name, dirPerm)
	if errors.Is(err, fs.ErrExist) {
		fi, lerr := os.Lstat(name)
		if lerr == nil && fi.IsDir() { // IsDir is false for a symbolic link
			if fi.Mode().Perm() == dirPerm {
				return nil
			}
			return chmodDir(name)
		}
		if err = os.RemoveAll(name); err == nil {
			err = os.Mkdir(name, dirPerm)
		}
	}
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if chmodNeeded(dirPerm) {
		return chmodDir(name)
	}
	return nil
}

// chmodDir gives the directory name the mode dirPerm.
func chmodDir(name string) error {
	if err := os.Chmod(name, dirPerm); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	return nil
}
