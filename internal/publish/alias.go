package publish

import (
	"path"
	"strings"
)

// AliasPath turns an alias ("/old/", "old/page.html") into the output
// path of its redirect page, or false when it is not a path from the
// site root (a URL, a path with "..", an empty one).
func AliasPath(alias string) (string, bool) {
	if u := strings.IndexAny(alias, "?#"); u >= 0 {
		alias = alias[:u]
	}
	if strings.Contains(alias, "://") || strings.Contains(alias, "\\") {
		return "", false
	}
	for _, seg := range strings.Split(alias, "/") {
		if seg == ".." {
			return "", false
		}
	}
	p := strings.TrimPrefix(path.Clean("/"+alias), "/")
	if p == "" || p == "." {
		return "", false
	}
	if ext := path.Ext(p); ext == ".html" || ext == ".htm" {
		return p, true
	}
	return p + "/index.html", true
}
