package assets

import "github.com/quire-docs/quire/internal/publish"

// OutputKind is the output kind of f, a file Process returned: quire's own
// theme files yield to a file of the site's at their path (a Hugo site's
// static/favicon.svg replaces the theme's), the site's are Real.
func OutputKind(f publish.File) publish.Kind {
	if Builtin(f) {
		return publish.Generated
	}
	return publish.Real
}
