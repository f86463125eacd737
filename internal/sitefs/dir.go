package sitefs

import "io/fs"

// Dir returns fsys's directory dir (assets/, layouts/, ...), or nil when
// dir is "" or is not a directory of fsys: a site without one.
func Dir(fsys fs.FS, dir string) fs.FS {
	if dir == "" {
		return nil
	}
	if fi, err := fs.Stat(fsys, dir); err != nil || !fi.IsDir() {
		return nil
	}
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		return nil
	}
	return sub
}
