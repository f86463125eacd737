package watch

import (
	"path"
	"strings"
)

// Ignored reports whether a change to the slash path rel should not
// trigger a rebuild: a hidden file or directory anywhere in the path (as
// content loading skips them), or an editor's temporary, backup, swap or
// lock file. Editors that save by writing a temporary file and renaming
// it over the original thus trigger one rebuild, for the original.
func Ignored(rel string) bool {
	for _, seg := range strings.Split(rel, "/") {
		if seg != "." && seg != ".." && strings.HasPrefix(seg, ".") {
			return true // .git, .DS_Store, vim's .a.md.swp, emacs's .#a.md lock
		}
	}
	name := path.Base(rel)
	switch {
	case strings.HasSuffix(name, "~"): // emacs, vim, gedit backups
		return true
	case len(name) >= 2 && name[0] == '#' && name[len(name)-1] == '#': // emacs auto-save
		return true
	case name == "4913": // vim's probe for whether it may write in a directory
		return true
	case strings.HasSuffix(name, "___jb_tmp___"), strings.HasSuffix(name, "___jb_old___"): // JetBrains safe write
		return true
	case sedTemp(name):
		return true
	}
	switch path.Ext(name) {
	case ".swp", ".swo", ".swn", ".swx": // vim swap files (visible ones, with 'directory' set elsewhere)
		return true
	}
	return false
}

// sedTemp reports whether name is one GNU sed -i gives the file it writes
// before renaming it over the original: "sed" and six letters or digits
// (mkostemp's "sedXXXXXX"). Without this, every sed -i of a page looked
// like a new file and made a full rebuild instead of a quick one.
func sedTemp(name string) bool {
	rest, ok := strings.CutPrefix(name, "sed")
	if !ok || len(rest) != 6 {
		return false
	}
	for _, c := range []byte(rest) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}
