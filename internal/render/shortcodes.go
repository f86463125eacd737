package render

import (
	"html/template"
	"io/fs"
	"path"

	"github.com/quire-docs/quire/internal/budget"
	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/funcs"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/markdown"
	"github.com/quire-docs/quire/internal/shortcode"
)

// ShortcodeOptions are what LoadShortcodes reads.
type ShortcodeOptions struct {
	Config   config.Config
	FS       fs.FS // the site root
	Dir      fs.FS // layouts/shortcodes, nil when there is none
	Markdown *markdown.Renderer
	// Site returns the site's view, for the site template function; it is
	// called only while pages render, when the view exists.
	Site func() *layout.Site
}

// LoadShortcodes parses the site's shortcode templates
// (layouts/shortcodes) over the built-ins.
func LoadShortcodes(o ShortcodeOptions) (*shortcode.Set, error) {
	fm := layout.Funcs(o.Config.BaseURL)
	// readFile and fileExists read the site's files. Only shortcodes have
	// them: pages with shortcodes are rendered anew in every build, while a
	// layout's output is memoised by keys that do not cover such reads.
	site := funcs.New(funcs.Options{BaseURL: o.Config.BaseURL, Files: o.FS})
	for _, name := range []string{"os", "readFile", "fileExists"} {
		fm[name] = site[name]
	}
	fm["site"] = func() *siteInfo { return newSiteInfo(o.Site()) }
	return shortcode.New(shortcode.Options{
		Dir:     o.Dir,
		DirName: path.Join(o.Config.LayoutDir, "shortcodes"),
		Funcs:   fm,
		Markdownify: func(s string) (template.HTML, error) {
			res, err := o.Markdown.Render([]byte(s))
			return template.HTML(res.HTML), err
		},
		Limits: Limits(o.Config),
	})
}

// Limits bound one page's shortcodes, and its templates, each: config
// timeout and maxPageBytes.
func Limits(cfg config.Config) budget.Limits {
	return budget.Limits{MaxBytes: cfg.Render.MaxPageBytes, Timeout: cfg.Render.Timeout}
}

// siteInfo is Hugo's site in shortcode templates: the site's settings and
// data. Its pages are left out: a shortcode reaches them through .Site,
// which renders a body it reads first and catches a page that includes
// itself.
type siteInfo struct {
	Title        string
	BaseURL      string
	LanguageCode string
	Params       map[string]any
	Data         map[string]any
}

func newSiteInfo(s *layout.Site) *siteInfo {
	if s == nil { // before the pages are made: no shortcode runs then
		return &siteInfo{}
	}
	return &siteInfo{Title: s.Title, BaseURL: s.BaseURL, LanguageCode: s.LanguageCode, Params: s.Params, Data: s.Data}
}
