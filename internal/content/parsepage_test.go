package content

import "github.com/quire-docs/quire/internal/diag"

// ParsePage parses one page source: it splits and decodes the front matter
// and sets the front matter fields, Params, Body and BodyLine of a new Page
// whose File is file. It reads nothing else; Load fills in Path, Kind,
// titles from file names, URLs and the tree.
//
// Warnings (invalid UTF-8 or a NUL byte, unknown keys that look like typos
// of known ones) are returned even with an error. The page is nil only when
// the front matter could not be split or decoded; value errors (a weight
// that is not an integer) leave the field unset and still return the page.
// err joins *diag.Diagnostic.
//
// Front matter nested deeper than MaxFrontMatterDepth is an error; its
// size is not bounded here (Load bounds it as it reads the file).
func ParsePage(file string, src []byte) (*Page, []*diag.Diagnostic, error) {
	p, _, warns, err := parsePage(file, src, -1)
	return p, warns, err
}
