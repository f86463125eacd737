package site

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/gitinfo"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/linkcheck"
	"github.com/quire-docs/quire/internal/publish"
	"github.com/quire-docs/quire/internal/render"
)

// langBuild is what the build of one language of a multilingual site
// gets from buildLanguages.
type langBuild struct {
	lang  config.Language
	tree  *content.Site // its pages, loaded with the others'
	warns []*diag.Diagnostic
	err   error
	// git is its pages' git history (enableGitInfo), read once per
	// language; gitWarns, the first language's only, say why there is none.
	git      *gitinfo.Info
	gitWarns []*diag.Diagnostic
	// elsewhere are the output paths, relative to this language's
	// output, of the other languages' pages and files: links to them
	// stand (only the language at the site root has any).
	elsewhere []string
	// view is the language as templates see it, views every language;
	// translations are its pages' versions in the others (translations.go).
	view         *layout.Language
	views        []*layout.Language
	translations map[*content.Page][]*layout.Translation
}

// generatedRobots is the Source of the robots.txt Build writes.
const generatedRobots = "the generated robots.txt"

// buildLanguages builds every language of cfg.Languages as a site of its
// own (Build with the language's config, whose baseURL ends in its
// prefix) and joins their outputs: each language's files under its
// prefix, one sitemap.xml per language with robots.txt at the root naming
// them all, and, when no language is at the root
// (defaultContentLanguageInSubdir), a root index.html that redirects to
// the default language and its 404.html. Every language's content is
// loaded first, so each build knows the others' pages.
//
// quire serve's Cache and FileCache are not used: every rebuild of a
// multilingual site is a full build of each language.
func buildLanguages(ctx context.Context, fsys fs.FS, cfg config.Config, opts Options) (*Site, error) {
	opts.Cache, opts.Files, opts.Changed = nil, nil, nil
	codes := make([]string, len(cfg.Languages))
	for i, l := range cfg.Languages {
		codes[i] = l.Code
	}
	builds := make([]*langBuild, len(cfg.Languages))
	for i, l := range cfg.Languages {
		lc := cfg.ForLanguage(l)
		co := contentOptions(lc, opts)
		co.Language = &content.Language{Code: l.Code, Unsuffixed: l.Default || !l.SharedDir, Codes: codes}
		lb := &langBuild{lang: l}
		lb.git, lb.gitWarns = readGit(ctx, lc, opts)
		if i > 0 {
			lb.gitWarns = nil // the same repository: said once
		}
		co.Git = lb.git
		lb.tree, lb.warns, lb.err = content.Load(fsys, co)
		builds[i] = lb
	}
	translate(cfg, builds)
	for _, lb := range builds {
		if lb.lang.Prefix != "" {
			continue
		}
		for _, other := range builds {
			if other != lb && other.tree != nil {
				lb.elsewhere = append(lb.elsewhere, outPaths(other.tree, other.lang.Prefix)...)
			}
		}
	}
	var (
		joined  = &Site{}
		ds      diag.List
		seen    = map[string]bool{}
		errs    []error
		root    *config.Language // the language at the site root
		dflt    int
		robots  = -1 // index in joined.Files of the root robots.txt
		sitemap []string
	)
	for i, lb := range builds {
		lo := opts
		lo.lang = lb
		if opts.Output != nil && lb.lang.Prefix != "" {
			lo.Output = prefixOutput{opts.Output, lb.lang.Prefix + "/"}
		}
		lc := cfg.ForLanguage(lb.lang)
		s, err := Build(ctx, fsys, lc, lo)
		if err != nil {
			errs = append(errs, err)
		}
		for _, w := range s.Warnings {
			if k := w.String(); !seen[k] {
				seen[k] = true
				ds.Add(w)
			}
		}
		if err != nil {
			continue
		}
		if lb.lang.Prefix == "" {
			root = &cfg.Languages[i]
		}
		if lb.lang.Default {
			dflt = i
		}
		sitemap = append(sitemap, render.AbsURL(lc.BaseURL, lc.BasePath()+"sitemap.xml"))
		for _, f := range s.Files {
			if f.Path == "robots.txt" && lb.lang.Prefix != "" {
				continue // robots.txt is read at the root only
			}
			if f.Path == "robots.txt" {
				robots = len(joined.Files)
			}
			if lb.lang.Prefix != "" {
				f.Path = lb.lang.Prefix + "/" + f.Path
			}
			joined.Files = append(joined.Files, f)
		}
		joined.Pages += s.Pages
		joined.Skipped += s.Skipped
		joined.BrokenLinks = append(joined.BrokenLinks, s.BrokenLinks...)
		joined.Languages = append(joined.Languages, s)
	}
	if len(errs) > 0 {
		w := ds.Warnings()
		w.Sort()
		return &Site{Warnings: w}, dedupeErrors(errs)
	}
	if robots >= 0 && joined.Files[robots].Source == generatedRobots {
		joined.Files[robots].Data = robotsTxt(sitemap)
	}
	if root == nil {
		joined.Files = append(joined.Files, rootFiles(cfg, builds[dflt].lang, joined.Files, sitemap)...)
	}
	slices.SortFunc(joined.Files, func(a, b publish.File) int { return strings.Compare(a.Path, b.Path) })
	checkAcross(ctx, cfg, opts, builds, joined, &ds)
	for i := 1; i < len(joined.Files); i++ {
		if a, b := joined.Files[i-1], joined.Files[i]; a.Path == b.Path {
			ds.Add(diag.Errorf(b.Source, 0, 0, "writes %s, which %s writes too", b.Path, a.Source).
				WithHint("a page of the language at the site root is under another language's prefix; move it"))
		}
	}
	warns := ds.Warnings()
	warns.Sort()
	joined.Warnings = warns
	if err := ds.Err(); err != nil {
		return &Site{Warnings: joined.Warnings}, err
	}
	return joined, nil
}

// checkAcross checks the links each language's build left out as
// outside its base path (/de/ links to /docs/) against the joined output,
// and reports those that lead nowhere as Build reports broken links.
// Their fragments are not checked.
func checkAcross(ctx context.Context, cfg config.Config, opts Options, builds []*langBuild, joined *Site, ds *diag.List) {
	if opts.Links == LinksOff {
		return
	}
	have := make(map[string]bool, len(joined.Files))
	for _, f := range joined.Files {
		have[f.Path] = true
	}
	for _, lb := range builds { // pages sent to Options.Output are not in Files
		for _, p := range outPaths(lb.tree, lb.lang.Prefix) {
			have[p] = true
		}
	}
	base := cfg.BasePath()
	var broken []linkcheck.Result
	for _, s := range joined.Languages {
		if s.Links == nil {
			continue
		}
		bad, _ := s.Links.Internal(ctx)
		for _, r := range bad {
			p, _, _ := strings.Cut(r.URL, "#")
			if r.Outcome != linkcheck.Skipped || !strings.HasPrefix(r.Reason, "outside the site") || !strings.HasPrefix(p, base) {
				continue
			}
			rel := strings.TrimPrefix(p, base)
			if have[rel] || have[path.Join(rel, "index.html")] {
				continue
			}
			r.Outcome, r.Reason = linkcheck.Error, "no page or file "+p
			broken = append(broken, r)
		}
	}
	joined.BrokenLinks = append(joined.BrokenLinks, broken...)
	joined.Across = broken
	sev := diag.Error
	switch {
	case opts.Links == LinksQuiet:
		return
	case opts.Links == LinksWarn || cfg.LinkCheck.Internal == "warning":
		sev = diag.Warning
	}
	ds.AddOnFreeLines(linkcheck.Diagnostics(broken, sev))
}

// outPaths lists the output paths of tree's pages and files, under prefix.
func outPaths(tree *content.Site, prefix string) []string {
	if tree == nil {
		return nil
	}
	if prefix != "" {
		prefix += "/"
	}
	var out []string
	for _, p := range tree.Pages {
		if p.OutPath != "" {
			out = append(out, prefix+p.OutPath)
		}
	}
	for _, f := range tree.Static {
		out = append(out, prefix+f.OutPath)
	}
	return out
}

// rootFiles are the files at the root of a site whose languages are all
// in subdirectories: robots.txt, a sitemap.xml that indexes the
// languages' sitemaps, an index.html that redirects to the default
// language's home, and that language's 404.html.
func rootFiles(cfg config.Config, dflt config.Language, files []publish.File, sitemaps []string) []publish.File {
	lc := cfg.ForLanguage(dflt)
	var buf bytes.Buffer
	_ = layout.Alias(&buf, lc.BasePath()) // writes to a buffer: no error
	out := []publish.File{
		{Path: "index.html", Data: buf.Bytes(), Source: "the redirect to the default language"},
		{Path: "robots.txt", Data: robotsTxt(sitemaps), Source: generatedRobots},
		{Path: "sitemap.xml", Data: sitemapIndex(sitemaps), Source: "the sitemap index"},
	}
	for _, f := range files {
		if f.Path == dflt.Prefix+"/404.html" {
			out = append(out, publish.File{Path: "404.html", Data: f.Data, Source: f.Source})
		}
	}
	return out
}

// robotsTxt allows every crawler and names every language's sitemap.
func robotsTxt(sitemaps []string) []byte {
	var b strings.Builder
	b.WriteString("User-agent: *\nAllow: /\n")
	for _, s := range sitemaps {
		if strings.Contains(s, "://") { // crawlers take only an absolute URL
			b.WriteString("Sitemap: " + s + "\n")
		}
	}
	return []byte(b.String())
}

// sitemapIndex is a sitemap index naming every language's sitemap.
func sitemapIndex(sitemaps []string) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header[:len(xml.Header)-1])
	b.WriteString(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	for _, s := range sitemaps {
		b.WriteString("<sitemap><loc>")
		_ = xml.EscapeText(&b, []byte(s)) // writes to a buffer: no error
		b.WriteString("</loc></sitemap>")
	}
	b.WriteString("</sitemapindex>\n")
	return b.Bytes()
}

// prefixOutput sends files to an Output under a prefix ("de/").
type prefixOutput struct {
	out    Output
	prefix string
}

func (o prefixOutput) Write(f publish.File) error {
	f.Path = o.prefix + f.Path
	return o.out.Write(f)
}

// dedupeErrors joins the errors of the languages' builds, each
// diagnostic once: a broken layout breaks every language alike.
func dedupeErrors(errs []error) error {
	var ds diag.List
	seen := map[string]bool{}
	for _, err := range errs {
		var list []error
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			list = j.Unwrap()
		} else {
			list = []error{err}
		}
		for _, e := range list {
			var d *diag.Diagnostic
			if !errors.As(e, &d) {
				ds.AddError("", e)
				continue
			}
			if k := d.String(); !seen[k] {
				seen[k] = true
				ds.Add(d)
			}
		}
	}
	ds.Sort()
	return ds.Err()
}
