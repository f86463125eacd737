package content

import (
	"strings"

	"github.com/quire-docs/quire/internal/diag"
)

// MissingImages warns about each file a page's front matter images (a
// name or a list, as in Hugo) names that is not one of the site's files
// (has, given a slash path from the site root, says whether it is): the
// page's og:image would lead nowhere. A warning rather than an error, as
// a Hugo site's own templates may read images otherwise (from a page
// bundle). Addresses ("https://...") are not checked. The warnings come
// in page order, then in the order the images are named.
func (s *Site) MissingImages(has func(path string) bool) []*diag.Diagnostic {
	var ds []*diag.Diagnostic
	for _, p := range s.Pages {
		var names []string
		switch v := p.Params["images"].(type) {
		case string:
			names = []string{v}
		case []any:
			for _, e := range v {
				if name, ok := e.(string); ok {
					names = append(names, name)
				}
			}
		}
		for _, n := range names {
			clean := strings.TrimPrefix(n, "/")
			if has(clean) || strings.Contains(n, "://") {
				continue
			}
			ds = append(ds, diag.Warnf(p.File, 0, 0, "images: %s is not a file of the site, so the page's og:image leads nowhere", n).
				WithHint("put it in the assets directory or a static directory, at that path from the site root"))
		}
	}
	return ds
}
