package render

import (
	"path"

	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/funcs"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/shortcode"
	"github.com/quire-docs/quire/internal/sitefs"
)

// Templates are a build's templates: the layouts (with their partials and
// render hooks) and the shortcodes, bound to the same functions.
type Templates struct {
	Layouts    *layout.Templates // nil when the layouts do not load
	Shortcodes *shortcode.Set
	// OK reports whether both loaded: pages can render.
	OK bool
}

// LoadTemplates loads the site's layouts from layoutDir in fsys and its
// shortcodes from layoutDir/shortcodes, over the built-ins, with Hugo's
// functions bound by fo, md for markdownify, the page bounds of o.Config,
// and o's site and resources. Every error and warning goes to ds.
func LoadTemplates(o ShortcodeOptions, fo funcs.Options, ds *diag.List) Templates {
	dir := o.Config.LayoutDir
	var t Templates
	var err error
	t.Layouts, err = layout.New(sitefs.Dir(o.FS, dir), dir)
	ds.AddError(dir, err)
	t.OK = err == nil
	if t.Layouts != nil {
		t.Layouts.SetFuncs(fo)
		t.Layouts.SetThemes(o.Config.Theme)
		t.Layouts.SetLimits(Limits(o.Config))
		t.Layouts.SetMarkdownify(Markdownify(o.Markdown))
		for _, w := range t.Layouts.Warnings() {
			ds.Add(w)
		}
	}
	o.Dir, o.Layouts, o.Funcs = sitefs.Dir(o.FS, path.Join(dir, "shortcodes")), t.Layouts, fo
	t.Shortcodes, err = LoadShortcodes(o)
	ds.AddError(dir, err)
	t.OK = t.OK && err == nil
	return t
}
