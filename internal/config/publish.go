package config

import (
	"fmt"
	"strings"
)

// Publish is the [publish] table: what the output directory may hold.
type Publish struct {
	// AllowDotPaths (allowDotPaths) lists the names starting with "." that
	// a page's url, slug or alias may use as the first segment of its path,
	// such as ".well-known"; any other such path is an error, since it
	// would take the place of the output directory's own .git or
	// .nojekyll. Default: none.
	AllowDotPaths []string
}

var publishFields = []field{
	{name: "allowDotPaths", kind: kindArray},
}

// applyPublish checks and copies the [publish] table.
func (d *decoder) applyPublish(c *Publish) {
	l, ok := d.leaves["publish.allowDotPaths"]
	if !ok {
		return
	}
	for _, v := range l.value.([]any) {
		s, ok := v.(string)
		if !ok || !dotSegment(s) {
			d.addAt(l, &problem{fmt.Sprintf("publish.allowDotPaths: %v is not a name starting with \".\"", v),
				`list single path segments such as [".well-known"]`})
			continue
		}
		if strings.EqualFold(s, ".quire-build") || strings.EqualFold(s, ".git") {
			d.addAt(l, &problem{fmt.Sprintf("publish.allowDotPaths: %q may never be written by pages", s), ""})
			continue
		}
		c.AllowDotPaths = append(c.AllowDotPaths, s)
	}
}

// dotSegment reports whether s is one path segment starting with "."
// other than "." and "..".
func dotSegment(s string) bool {
	return strings.HasPrefix(s, ".") && s != "." && s != ".." && !strings.ContainsAny(s, "/\\?#\x00")
}
