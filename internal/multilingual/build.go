// Package multilingual builds a site of several languages (config.toml's
// [languages]) one language at a time, each a site.Build of its own
// under its prefix, and joins their outputs into one site: Hugo's
// HugoSites over its Sites. A site of one language is site.Build's alone.
package multilingual

import (
	"context"
	"errors"
	"io/fs"
	"slices"
	"strings"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/gitinfo"
	"github.com/quire-docs/quire/internal/publish"
	"github.com/quire-docs/quire/internal/render"
	"github.com/quire-docs/quire/internal/site"
	"github.com/quire-docs/quire/internal/sitemap"
)

// language is one language of the site and what its build gets.
type language struct {
	lang config.Language
	site.Language
}

// Build builds the site rooted at fsys with configuration cfg, as
// site.Build does, whatever its number of languages: a site of one
// language is site.Build's; a multilingual site (cfg.Languages) is built
// one language at a time.
//
// Each language is a site of its own (site.Build with the language's
// config, whose baseURL ends in its prefix), and their outputs are
// joined: each language's files under its prefix, one sitemap.xml per
// language with robots.txt at the root naming them all, and, when no
// language is at the root (defaultContentLanguageInSubdir), a root
// index.html that redirects to the default language and its 404.html.
// Every language's content is loaded first, so each build knows the
// others' pages. The joined Site's Languages are the languages' builds.
//
// quire serve's Cache and FileCache are not used for a multilingual
// site: every rebuild is a full build of each language.
func Build(ctx context.Context, fsys fs.FS, cfg config.Config, opts site.Options) (*site.Site, error) {
	if len(cfg.Languages) <= 1 {
		return site.Build(ctx, fsys, cfg, opts)
	}
	opts.Cache, opts.Files, opts.Changed = nil, nil, nil
	builds := load(ctx, fsys, cfg, opts)
	translate(cfg, builds)
	for _, lb := range builds {
		if lb.lang.Prefix != "" {
			continue
		}
		for _, other := range builds {
			if other != lb && other.Tree != nil {
				lb.Elsewhere = append(lb.Elsewhere, outPaths(other.Tree, other.lang.Prefix)...)
			}
		}
	}
	var (
		joined   = &site.Site{}
		ds       diag.List
		seen     = map[string]bool{}
		errs     []error
		root     *config.Language // the language at the site root
		dflt     int
		robots   = -1 // index in joined.Files of the root robots.txt
		sitemaps []string
	)
	for i, lb := range builds {
		lo := opts
		lo.Language = &lb.Language
		if opts.Output != nil && lb.lang.Prefix != "" {
			lo.Output = prefixOutput{opts.Output, lb.lang.Prefix + "/"}
		}
		lc := cfg.ForLanguage(lb.lang)
		s, err := site.Build(ctx, fsys, lc, lo)
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
		sitemaps = append(sitemaps, render.AbsURL(lc.BaseURL, lc.BasePath()+"sitemap.xml"))
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
		return &site.Site{Warnings: w}, dedupeErrors(errs)
	}
	if robots >= 0 && joined.Files[robots].Source == sitemap.RobotsSource {
		joined.Files[robots].Data = sitemap.Robots(sitemaps...)
	}
	if root == nil {
		joined.Files = append(joined.Files, rootFiles(cfg, builds[dflt].lang, joined.Files, sitemaps)...)
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
		return &site.Site{Warnings: joined.Warnings}, err
	}
	return joined, nil
}

// load loads every language's content and reads its git history, in the
// order of cfg.Languages.
func load(ctx context.Context, fsys fs.FS, cfg config.Config, opts site.Options) []*language {
	codes := make([]string, len(cfg.Languages))
	for i, l := range cfg.Languages {
		codes[i] = l.Code
	}
	builds := make([]*language, len(cfg.Languages))
	var last *gitinfo.Info // languages sharing a content dir share its log
	for i, l := range cfg.Languages {
		lc := cfg.ForLanguage(l)
		co := site.ContentOptions(lc, opts)
		co.Language = &content.Language{Code: l.Code, Unsuffixed: l.Default || !l.SharedDir, Codes: codes}
		lb := &language{lang: l}
		lb.Git, lb.GitWarnings = gitinfo.ForBuild(ctx, lc.GitInfo, opts.Dir, []string{lc.ContentDir}, last)
		if lb.Git != nil {
			last = lb.Git
		}
		if i > 0 {
			lb.GitWarnings = nil // the same repository: said once
		}
		co.Git = lb.Git
		lb.Tree, lb.Warnings, lb.Err = content.Load(fsys, co)
		builds[i] = lb
	}
	return builds
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
