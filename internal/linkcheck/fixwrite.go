package linkcheck

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strconv"
)

// Write replaces ff.File under root by ff.New atomically: it writes a
// temporary file in the same directory, with the file's permissions, and
// renames it over the file, so a reader sees the old bytes or the new,
// never a part. A file that is not ff.Old any more (edited since it was
// read), or is a symbolic link, is left as it is, with an error.
func (ff FileFix) Write(root *os.Root) error {
	fi, err := root.Lstat(ff.File)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file; not rewritten", ff.File)
	}
	cur, err := root.ReadFile(ff.File)
	if err != nil {
		return err
	}
	if !bytes.Equal(cur, ff.Old) {
		return fmt.Errorf("%s: changed since it was checked; not rewritten (run the check again)", ff.File)
	}
	perm := fi.Mode().Perm()
	dir, base := path.Split(ff.File)
	var tmp string
	var f *os.File
	for i := 0; ; i++ {
		tmp = dir + "." + base + ".quire-fix-" + strconv.Itoa(os.Getpid()) + "-" + strconv.Itoa(i)
		f, err = root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if err == nil {
			break
		}
		if !errors.Is(err, fs.ErrExist) || i >= 100 {
			return err
		}
	}
	_, err = f.Write(ff.New)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = root.Chmod(tmp, perm) // the umask may have taken bits off
	}
	if err == nil {
		err = root.Rename(tmp, ff.File)
	}
	if err != nil {
		_ = root.Remove(tmp)
		return fmt.Errorf("%s: %w", ff.File, err)
	}
	return nil
}
