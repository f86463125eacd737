package site

import (
	"github.com/quire-docs/quire/internal/linkcheck"
)

// pageOut is a page's finished file as the cache keeps it between
// builds: its minified HTML and that HTML parsed for the link check.
type pageOut struct {
	data   []byte
	parsed *linkcheck.Parsed // nil when the build that made it had LinksOff
}
