package layout

import (
	"io/fs"

	"github.com/quire-docs/quire/internal/assets"
	"github.com/quire-docs/quire/internal/diag"
)

// SkippedAssets reports the asset links a build left out (skipped, as
// assets.Skipped returns them): where the site's layouts in root (dir
// its path for messages; root may be nil) name one in a string
// ({{ index .Site.Assets "js/a.js" }}, {{ resources.Get "js/a.js" }}),
// an error at each such place, as a template that asks for a file that
// is not there is broken; then, in skipped's order, a warning for each
// link no layout names (assets.Link.Warning).
func SkippedAssets(root fs.FS, dir string, skipped []assets.Link) []*diag.Diagnostic {
	if len(skipped) == 0 {
		return nil
	}
	byName := make(map[string]assets.Link, len(skipped))
	for _, l := range skipped {
		byName[l.Name] = l
	}
	var ds []*diag.Diagnostic
	used := map[string]bool{}
	for _, ref := range Strings(root, dir, byName) {
		l := byName[ref.Text]
		used[l.Name] = true
		what := "a symbolic link to a directory"
		if !l.Dir {
			what = "a dangling symbolic link to " + l.Target
		}
		ds = append(ds, diag.Errorf(ref.File, ref.Line, ref.Col, "asset %s is not there: %s is %s", l.Name, l.File, what).
			WithHint("create the file the link points to (a Hugo site may need its node_modules installed), or remove the reference"))
	}
	for _, l := range skipped {
		if !used[l.Name] {
			ds = append(ds, l.Warning())
		}
	}
	return ds
}
