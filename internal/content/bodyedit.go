package content

import "io/fs"

// BodyEdit reads page p's file again from fsys and returns its body when
// only the body changed: the front matter is as p was loaded with (by
// FrontSum) and the body starts on the same line. ok is false otherwise,
// and for an HTML content file or a file it cannot read or split: then
// the site's structure may have changed, and only a full load can tell.
func BodyEdit(fsys fs.FS, p *Page) (body []byte, ok bool) {
	if p.HTML || p.Virtual {
		return nil, false
	}
	src, err := fs.ReadFile(fsys, p.File)
	if err != nil {
		return nil, false
	}
	fm, err := SplitFrontMatter(p.File, src)
	if err != nil || FrontSum(fm) != p.FrontSum || fm.BodyLine != p.BodyLine {
		return nil, false
	}
	return fm.Body, true
}
