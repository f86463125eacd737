package render

import (
	"html/template"
	"io/fs"
	"maps"
	"path"
	"strings"

	"github.com/quire-docs/quire/internal/budget"
	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/funcs"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/markdown"
	"github.com/quire-docs/quire/internal/shortcode"
	"github.com/quire-docs/quire/internal/sitefs"
)

// ShortcodeOptions are what LoadShortcodes reads.
type ShortcodeOptions struct {
	Config   config.Config
	FS       fs.FS // the site root
	Dir      fs.FS // layouts/shortcodes, nil when there is none
	Markdown *markdown.Renderer
	// Layouts runs the partials shortcode templates call; nil: partial
	// fails.
	Layouts *layout.Templates
	// Site returns the site's view, for the site template function; it is
	// called only while pages render, when the view exists.
	Site func() *layout.Site
	// Funcs binds Hugo's functions (now, hugo, os.Getenv, warnf); its
	// BaseURL and Files are the site's.
	Funcs funcs.Options
	// Resources returns the build's resources store (see resourceFuncs).
	Resources ResourceStore
}

// LoadShortcodes parses the site's shortcode templates over the built-ins:
// layouts/shortcodes (Dir), then layouts/_shortcodes, whose templates win
// as in current Hugo. Their partial and partialCached run the layouts'
// partials, counted against the budget of the page's shortcodes.
func LoadShortcodes(o ShortcodeOptions) (*shortcode.Set, error) {
	// readFile and fileExists read the site's files. Only shortcodes have
	// them: pages with shortcodes are rendered anew in every build, while a
	// layout's output is memoised by keys that do not cover such reads.
	fo := o.Funcs
	fo.BaseURL, fo.Files = o.Config.BaseURL, o.FS
	if fo.Data == nil {
		fo.Data = func() map[string]any { return newSiteInfo(o.Site()).Data }
	}
	fm := layout.FuncsWith(fo)
	fm["site"] = func() *siteInfo { return newSiteInfo(o.Site()) }
	maps.Copy(fm, layout.TranslateFuncs(layout.SiteTranslator(o.Site)))
	maps.Copy(fm, resourceFuncs(o.Resources))
	var partial shortcode.Partial
	if o.Layouts != nil {
		partial = func(b *budget.Budget, name string, ctx any) (template.HTML, error) {
			return o.Layouts.Partial(b, partialSite(o.Site()), name, ctx)
		}
	}
	var more []shortcode.TemplateDir
	var sections []shortcode.SectionDir
	if o.FS != nil && o.Config.LayoutDir != "" {
		dir := path.Join(o.Config.LayoutDir, "_shortcodes")
		if sub := sitefs.Dir(o.FS, dir); sub != nil {
			more = append(more, shortcode.TemplateDir{FS: sub, Name: dir})
		}
		if sub := sitefs.Dir(o.FS, o.Config.LayoutDir); sub != nil {
			sections = shortcode.SectionDirs(sub, o.Config.LayoutDir) // layouts/SECTION/_shortcodes
		}
	}
	return shortcode.New(shortcode.Options{
		Dir:              o.Dir,
		DirName:          path.Join(o.Config.LayoutDir, "shortcodes"),
		MoreDirs:         more,
		SectionDirs:      sections,
		InlineShortcodes: o.Config.Security.EnableInlineShortcodes,
		Funcs:            fm,
		Markdownify: func(s string) (template.HTML, error) {
			res, err := o.Markdown.Render([]byte(s))
			return template.HTML(res.HTML), err
		},
		Partial: partial,
		Limits:  Limits(o.Config),
		Theme:   o.Config.Theme,
	})
}

// Markdownify is Hugo's markdownify for layouts: md rendered by r, the <p>
// around a single paragraph dropped.
func Markdownify(r *markdown.Renderer) layout.Markdownify {
	return func(md string) (template.HTML, error) {
		res, err := r.Render([]byte(md))
		if err != nil {
			return "", err
		}
		out := strings.TrimSpace(string(res.HTML))
		if strings.HasPrefix(out, "<p>") && strings.HasSuffix(out, "</p>") && strings.Count(out, "<p>") == 1 {
			out = out[3 : len(out)-4]
		}
		return template.HTML(out), nil
	}
}

// partialSite is the site a partial called from a shortcode sees: its
// settings and data, as siteInfo, without its pages, whose fields the
// render pass writes while the shortcode runs. The page the shortcode
// passes (.Page) reaches other pages safely.
func partialSite(s *layout.Site) *layout.Site {
	if s == nil {
		return &layout.Site{}
	}
	return &layout.Site{Title: s.Title, BaseURL: s.BaseURL, LanguageCode: s.LanguageCode, Params: s.Params,
		Drafts: s.Drafts, Assets: s.Assets, Data: s.Data, Resources: s.Resources, I18n: s.I18n}
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
