package funcs

import (
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// maxLinks bounds how many symbolic links confined follows.
const maxLinks = 8

// confined checks that reading p (clean, relative) from fsys stays inside
// fsys's root when fsys has symbolic links (fs.ReadLinkFS, as os.DirFS):
// a link on the way whose target is absolute or climbs out of the root is
// refused, and a relative target is checked the same way. An FS without
// links (or one, like an os.Root's, that confines them itself) passes.
func confined(fsys fs.FS, p string) error {
	rl, ok := fsys.(fs.ReadLinkFS)
	if !ok {
		return nil
	}
	links := 0
	parts := strings.Split(p, "/")
	for i := 0; i < len(parts); i++ {
		prefix := path.Join(parts[:i+1]...)
		fi, err := rl.Lstat(prefix)
		if err != nil {
			return nil // missing: reading it fails on its own
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		if links++; links > maxLinks {
			return fmt.Errorf("too many symbolic links on the way to %s", p)
		}
		target, err := rl.ReadLink(prefix)
		if err != nil {
			return err
		}
		resolved := path.Join(path.Dir(prefix), target)
		if path.IsAbs(target) || resolved == ".." || strings.HasPrefix(resolved, "../") {
			return fmt.Errorf("%s is a symbolic link out of the site root", prefix)
		}
		// Check the path again from the start, through the link's target.
		parts = append(strings.Split(resolved, "/"), parts[i+1:]...)
		i = -1
	}
	return nil
}
