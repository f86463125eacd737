// Package site builds a whole site: it is the only package that knows the
// order of the stages.
package site

import (
	"context"
	"errors"
	"io/fs"
	"slices"
	"sync/atomic"
	"time"

	"github.com/quire-docs/quire/internal/assets"
	"github.com/quire-docs/quire/internal/clientlib"
	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/funcs"
	"github.com/quire-docs/quire/internal/gitinfo"
	"github.com/quire-docs/quire/internal/highlight"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/linkcheck"
	"github.com/quire-docs/quire/internal/markdown"
	"github.com/quire-docs/quire/internal/minify"
	"github.com/quire-docs/quire/internal/outline"
	"github.com/quire-docs/quire/internal/publish"
	"github.com/quire-docs/quire/internal/render"
	"github.com/quire-docs/quire/internal/resources"
	"github.com/quire-docs/quire/internal/search"
	"github.com/quire-docs/quire/internal/shortcode"
	"github.com/quire-docs/quire/internal/sitefs"
)

// Options are the per-build choices that are not part of config.toml.
type Options struct {
	Drafts bool     // build draft pages, with a visible marker
	Links  LinkMode // what to do with broken internal links; default: as config.toml says
	// Cache, when set, memoises markdown results between builds of the
	// same site (quire serve keeps one for its rebuilds).
	Cache *Cache
	// Files, when set, keeps content files' parsed front matter between
	// builds of the same site, so only changed files are read again.
	Files *content.FileCache
	// Output, when set, receives every content page's file as soon as it
	// is rendered and minified, and each page's search index fragment as
	// soon as it is encoded (one shared by several pages, once),
	// concurrently, so a large site is never held in memory; Site.Files
	// then holds only the other files (assets, static files, aliases,
	// 404.html, sitemap.xml, robots.txt, the rest of the search index,
	// the llms files and pages' markdown twins). Nothing
	// is sent for a page that failed; a build that fails may have sent
	// some pages, which the caller discards (publish.Stage.Abort). An
	// error from Output.Write is reported as an error of the page.
	Output Output
	// Changed, when not empty, lists the files (slash paths in fsys) that
	// changed since the last Build with the same Cache, as a watcher saw
	// them. When they are all pages whose front matter did not change,
	// the build is a quick rebuild of those pages (see quick.go); nil or
	// empty means unknown: a full build.
	Changed []string
	// Now is the build's time, what templates' now returns (the CLI's
	// --now, SOURCE_DATE_EPOCH or the clock); zero makes now fail.
	Now time.Time
	// Getenv reads the environment for templates' os.Getenv, which reads
	// only the variables config's security.funcs.getenv allows; nil
	// reads nothing (every allowed variable is "").
	Getenv func(string) string
	// Resources keeps processed images between builds (the site's
	// .quire/resources); nil: every build processes them again.
	Resources resources.Cache
	// Dir is the site's directory on disk, fsys's root, where git runs
	// for enableGitInfo (at the start of each build, see git.go); "" when
	// there is none, and then enableGitInfo is warned about and gives no
	// dates.
	Dir string
	// Language, when set, is the language of a multilingual site this
	// build makes, with its content loaded (package multilingual).
	Language *Language

	// rendered, when set (by benchmarks), is called with the build's
	// state once every page is rendered, before the per-site steps.
	rendered func(*builder, *content.Site)
}

// Output receives output files; publish.Stage is one.
type Output interface {
	Write(publish.File) error
}

// Site is the result of a successful build: every output file, in memory
// (without Options.Output), or those not yet sent to Options.Output.
type Site struct {
	Files    []publish.File // sorted by Path
	Warnings []*diag.Diagnostic
	Pages    int // HTML pages built from content
	Skipped  int // draft pages left out

	// Links holds every page's ids and links, for quire linkcheck's
	// external check; nil with LinksOff. BrokenLinks are the internal
	// links and anchors that are not ok, sorted.
	Links       *linkcheck.Links
	BrokenLinks []linkcheck.Result

	// Deferred, when not nil, makes files that are not in Files: a quick
	// rebuild leaves the search index (every page's text, in files whose
	// names change with it) and llms-full.txt (every page's markdown) to
	// the first request for one of their files.
	Deferred *publish.Deferred

	// Languages are the builds of a multilingual site's languages, in
	// the order of config's Languages, each with its own Links; Files
	// holds them all, each language's under its prefix.
	Languages []*Site
	// Across are the links between languages that lead nowhere: each
	// language's check skipped them as outside its base path (see
	// package multilingual); the same Results, with Outcome Error.
	Across []linkcheck.Result

	released int // pages whose body was dropped right after their render
}

// Build reads the site rooted at fsys with configuration cfg and returns its
// output files. Every error found is returned together (errors.Join of
// *diag.Diagnostic). The returned *Site is never nil: on failure it holds
// only the warnings.
//
// Build makes a site of one language: package multilingual builds a
// site of several (cfg.Languages) one language at a time, each with
// Build and Options.Language.
func Build(ctx context.Context, fsys fs.FS, cfg config.Config, opts Options) (*Site, error) {
	if len(cfg.Languages) > 1 && opts.Language == nil {
		return failed(nil), errSeveralLanguages
	}
	var git *gitinfo.Info
	var gitWarns []*diag.Diagnostic
	if opts.Language != nil {
		git, gitWarns = opts.Language.Git, opts.Language.GitWarnings
	} else {
		git, gitWarns = readGit(ctx, cfg, opts)
	}
	if s, err, ok := quick(ctx, fsys, cfg, opts, git); ok {
		return s, err
	}
	var ds diag.List
	b := &builder{cfg: cfg, opts: opts, fsys: fsys, res: &resources.Builds{}}
	b.searchEncoder = b.searchMemo().LazyEncoder(search.Lang(cfg.LanguageCode))
	b.snap.git = git
	ds.AddAll(gitWarns...)
	if cfg.Minify {
		b.min = minify.New()
	}

	// Everything that can fail on its own input runs before the first
	// check, so one build reports every broken file at once.
	tree, warns, err := loadContent(fsys, cfg, opts, git)
	ds.AddAll(warns...)
	ds.AddError(cfg.ContentDir, err)
	b.addStatic(tree, &ds)
	statics := b.addStaticDirs(&ds)

	md := markdown.New(render.MarkdownOptions(cfg))
	var warned funcs.Warnings // warnf's messages
	fo := funcs.Options{Environment: cfg.Environment, Now: opts.Now, Warn: warned.Add,
		Getenv: opts.Getenv, GetenvAllow: cfg.Security.GetenvAllow()}
	tmpl := render.LoadTemplates(render.ShortcodeOptions{Config: cfg, FS: fsys, Markdown: md,
		Site: func() *layout.Site { return b.site }, Resources: b.res.Store}, fo, &ds)
	b.tmpl = tmpl.Layouts
	data, err := funcs.LoadData(fsys, config.DataDir)
	ds.AddError("", err) // each error starts with its data file's path
	tr, err := layout.Translator(fsys, cfg)
	ds.AddError(config.I18nDir, err)

	css, err := highlight.Stylesheet(cfg.Highlight.Style, cfg.Highlight.DarkStyle)
	ds.AddError("config.toml", err)

	files, table, err := assets.Process(assets.Options{
		Theme:   layout.Theme(),
		Site:    sitefs.Dir(fsys, cfg.AssetDir),
		Extra:   map[string][]byte{"css/chroma.css": css},
		Minify:  b.min,
		BaseDir: cfg.BasePath(),
		SiteDir: cfg.AssetDir,
	})
	ds.AddError(cfg.AssetDir, err)
	for _, f := range files {
		b.out.Add(assets.OutputKind(f), f)
	}
	table = clientlib.WithAssets(table, cfg.BasePath())
	b.res.Begin(render.ResourceOptions(cfg, fsys, table, opts.Resources))
	siteFiles := assets.NewFiles(table, statics)
	ds = append(ds, cfg.Brand.Missing(siteFiles.Has)...)
	ds = append(ds, layout.CheckAccent(cfg.Brand)...)
	if tree != nil {
		ds = append(ds, tree.MissingImages(siteFiles.Has)...)
	}

	// Between stages a canceled build stops, and says only that.
	if err := ctx.Err(); err != nil {
		return failed(nil), err
	}
	// Errors of single files (a page's front matter, a data file, an
	// asset) leave the rest to render and check; templates that do not
	// load leave nothing to render with.
	if err := ds.Err(); err != nil && !tmpl.OK {
		ds.Add(diag.Warnf(cfg.LayoutDir, 0, 0, "pages were not rendered, so their shortcodes, templates and links were not checked").
			WithHint("fix the template errors above and build again"))
		return failed(ds), err
	}

	links := render.NewLinks(tree, cfg.BasePath(), statics...)
	so := render.SiteOptions{Config: cfg, Drafts: opts.Drafts, Assets: table, Data: data, I18n: tr, Resources: b.res.Store}
	if l := opts.Language; l != nil {
		so.Language, so.Languages, so.Translations = l.View, l.Views, l.Translations
	}
	b.site = render.NewSite(tree, so)
	b.render = b.newRenderer(tree, links, md, tmpl.Shortcodes)
	if opts.Cache != nil {
		opts.Cache.begin()
	}
	b.snap.tree = tree
	n0 := len(ds)
	b.renderPages(ctx, tree, &ds)
	n1 := len(ds)
	if err := ctx.Err(); err != nil {
		return failed(ds), err
	}
	if opts.Cache != nil {
		if ds.Err() == nil {
			opts.Cache.commit(false, len(tree.Pages))
		} else {
			opts.Cache.abort() // a failed build changes nothing
		}
	}
	if opts.rendered != nil {
		opts.rendered(b, tree)
	}
	b.addAliases(tree, &ds)
	b.addExtras(tree, &ds)
	if w := b.tmpl.FallbackWarning(cfg.LayoutDir); w != nil {
		ds.Add(w) // after the 404 page, which may fall back too
	}
	b.addLibs()
	b.addLLMs(tree)
	b.addSearchIndex()
	for _, msg := range warned.Messages() {
		ds.Add(diag.Warnf("", 0, 0, "%s", msg).WithHint("warnf in a template"))
	}
	b.addResources()

	out, collisions := b.out.Dedupe()
	ds = append(ds, collisions...)
	ds.AddError("", b.validate(out))
	n2 := len(ds)
	if err := ctx.Err(); err != nil {
		return failed(nil), err
	}
	// The link check runs even after errors, so one run reports them all:
	// the pages that made no file stand in with their headings' ids.
	var checked Site
	b.checkLinks(ctx, tree, b.withUnwritten(tree, out), &checked, &ds)
	if err := ds.Err(); err != nil {
		return failed(ds), err
	}
	if opts.Cache != nil {
		b.snap.before, b.snap.after = slices.Clone(ds[:n0]), slices.Clone(ds[n1:n2])
		b.snap.final = out
		opts.Cache.keep(b)
	}
	s := failed(ds)
	s.Files, s.Pages, s.Skipped = b.pages.sent.Unsent(out), tree.Written(), tree.Skipped
	s.Links, s.BrokenLinks = checked.Links, checked.BrokenLinks
	s.released = int(b.pages.released.Load())
	return s, nil
}

// errSeveralLanguages is Build's error for a site of several languages
// given without the one to build.
var errSeveralLanguages = errors.New("site.Build: a site of several languages is built by multilingual.Build")

// loadContent loads the content tree of the build, or takes it from
// the multilingual build that loaded it already.
func loadContent(fsys fs.FS, cfg config.Config, opts Options, git *gitinfo.Info) (*content.Site, []*diag.Diagnostic, error) {
	if opts.Language != nil {
		return opts.Language.Tree, opts.Language.Warnings, opts.Language.Err
	}
	co := ContentOptions(cfg, opts)
	co.Git = git
	return content.Load(fsys, co)
}

// ContentOptions are the options of content.Load for a build of cfg
// with opts (package multilingual adds each language's to them).
func ContentOptions(cfg config.Config, opts Options) content.Options {
	return content.Options{Dir: cfg.ContentDir, Drafts: opts.Drafts, Files: opts.Files,
		AllowDotPaths: cfg.Publish.AllowDotPaths, MaxFrontMatter: cfg.Limits.FrontMatterBytes,
		Cascade: content.SiteCascade(cfg.Cascade), Environment: cfg.Environment,
		KeepCase: cfg.URLs.DisablePathToLower, Permalinks: content.Permalinks(cfg.URLs.Permalinks)}
}

// failed returns a Site holding only the sorted warnings of ds.
func failed(ds diag.List) *Site {
	w := ds.Warnings()
	w.Sort()
	return &Site{Warnings: w}
}

// builder holds what the stages of one build share.
type builder struct {
	cfg    config.Config
	opts   Options
	fsys   fs.FS
	tmpl   *layout.Templates
	min    *minify.Minifier
	site   *layout.Site
	render *render.Renderer
	out    publish.Outputs
	res    *resources.Builds // what templates publish through (resources.go)

	pages pageResults // what the render loop made of each page
	snap  snapshot    // what a build with a Cache keeps for a quick rebuild

	searchEncoder func() *search.Encoder // the search index's, made when first asked for (search.Memo.LazyEncoder)
}

// pageResults are what the render loop made of each page, by page index,
// for the steps after it; each page's slots are written by one goroutine.
type pageResults struct {
	mdLinks   [][]markdown.Link          // in a build with a Cache
	linkPos   [][]linkcheck.MarkdownLink // in a build without one; nil with LinksOff
	outlines  []outline.Outline          // in a build with a Cache
	entries   []search.Entry             // in a build without one
	parsed    []*linkcheck.Parsed        // pages parsed for the link check as they were rendered
	lpages    []linkcheck.Page           // then the 404 page: for the link check
	sent      *publish.Sent              // pages written to Options.Output, nil without one (output.go)
	unwritten []int                      // pages whose render failed: no file
	released  atomic.Int32               // pages whose body was released
	twins     [][]byte                   // each page's markdown twin, with [llms] enable (llms.go)
}

// snapshot is what a successful build with a Cache leaves for the next
// quick rebuild (quick.go) besides the stages' own state: its content
// tree and what it made of each page, by page index.
type snapshot struct {
	tree      *content.Site
	memo      *layout.PageKeys
	pageDiags [][]*diag.Diagnostic // the markdown pass's diagnostics
	final     []publish.File       // the output, sorted by path
	before    []*diag.Diagnostic   // warnings of the steps before renderPages
	after     []*diag.Diagnostic   // warnings of the steps after it, but the link check's
	searchEs  []search.Entry       // the search index's entries
	checked   *linkcheck.Links     // the link check's links
	byFile    map[string]int       // page index by source file, made by the first quick rebuild
	readers   []int                // the pages whose templates read other pages' bodies, made with byFile
	libs      clientlib.Lib        // the client libraries published (see addLibs)
	git       *gitinfo.Info        // the content files' last commits, with enableGitInfo (git.go)
}

// newRenderer returns the build's renderer of the pages of tree.
func (b *builder) newRenderer(tree *content.Site, links *render.Links, md *markdown.Renderer, sc *shortcode.Set) *render.Renderer {
	opts := render.Options{
		Config:     b.cfg,
		Markdown:   md,
		Shortcodes: sc,
		Links:      links,
		Tree:       tree,
		Site:       b.site,
		Layouts:    b.tmpl,
		// For the pages' markdown twins (llms.go).
		KeepMarkdown: b.cfg.LLMs.Enable,
	}
	if b.opts.Cache != nil {
		opts.Memo = b.opts.Cache.markdown
	}
	return render.New(opts)
}
