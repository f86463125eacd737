package assets

import (
	"io/fs"

	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/minify"
	"github.com/quire-docs/quire/internal/publish"
)

// Copied is a file of the site copied to the output: the content
// directory's files that are not pages (page bundles' images,
// attachments), beside their pages.
type Copied struct {
	File    string // slash path from the site root: "content/faq/diagram.svg"
	OutPath string // "faq/diagram.svg"
}

// Copy reads each of files from fsys and returns it as an output file at
// its OutPath, minified by type when min is not nil. A file the minifier
// rejects is copied as it is, with a warning at the place it names; a
// file that cannot be read is an error. Both go to ds.
func Copy(fsys fs.FS, files []Copied, min *minify.Minifier, ds *diag.List) []publish.File {
	out := make([]publish.File, 0, len(files))
	for _, c := range files {
		data, err := fs.ReadFile(fsys, c.File)
		if err != nil {
			ds.AddError(c.File, err)
			continue
		}
		if min != nil {
			m, err := min.File(c.OutPath, data)
			switch line, col, msg, ok := minify.Position(err); {
			case err == nil:
				data = m
			case ok:
				ds.Add(diag.Warnf(c.File, line, col, "copied unminified: %s", msg))
			default:
				ds.Add(diag.Warnf(c.File, 0, 0, "copied unminified: %v", err))
			}
		}
		out = append(out, publish.File{Path: c.OutPath, Data: data, Source: c.File})
	}
	return out
}
