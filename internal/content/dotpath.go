package content

import (
	"path"
	"slices"
	"strings"
)

// dotHint says how to publish under a name starting with ".".
const dotHint = "the output directory keeps such names for itself, such as a gh-pages worktree's .git; " +
	"to publish there on purpose, list the name in [publish] allowDotPaths in config.toml, such as [\".well-known\"]"

// dotDenied reports whether seg, the first segment of an output path,
// starts with "." and is not one of opts.AllowDotPaths.
func (l *loader) dotDenied(seg string) bool {
	return strings.HasPrefix(seg, ".") && !slices.Contains(l.opts.AllowDotPaths, seg)
}

// firstSegment is the first segment of the slash path p, leading slashes
// skipped.
func firstSegment(p string) string {
	seg, _, _ := strings.Cut(strings.TrimLeft(p, "/"), "/")
	return seg
}

// checkAliases reports each alias of a published page whose output path
// would start with a denied dot segment: the redirect page would be
// written into the output directory's .git, say.
func (l *loader) checkAliases() {
	for _, p := range l.site.Pages {
		for _, a := range p.Aliases {
			u := a
			if i := strings.IndexAny(u, "?#"); i >= 0 {
				u = u[:i]
			}
			if seg := firstSegment(path.Clean("/" + u)); l.dotDenied(seg) {
				l.badField(p, "aliases", "alias %q would be published under %s, a name starting with \".\"", a, seg).
					WithHint("%s", dotHint)
			}
		}
	}
}
