package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/linkcheck"
	"github.com/quire-docs/quire/internal/site"
	"github.com/quire-docs/quire/internal/sitefs"
)

func linkcheckCommand() *command {
	return &command{
		Name:      "linkcheck",
		UsageLine: "quire linkcheck [--source DIR] [--drafts] [--offline] [--format text|json|github|sarif] [--check-external-anchors] [--no-cache]",
		Short:     "check internal links, anchors and external links",
		Long: `Linkcheck builds the site in memory (nothing is written to the output
directory), checks every internal link and #anchor, then every external
link over HTTP unless --offline is given. Problems are reported at the
markdown file, line and column (or layout file) that cites the link.

External links are checked with retries, per-host rate limits and a cache
of ok results (.quire/linkcache.json); see [linkcheck] in config.toml.

Exit status: 0 no broken links (warnings allowed), 1 broken links,
2 usage errors, config.toml errors or a site that does not build.`,
		Flags: func(fs *flag.FlagSet) func(context.Context, Env, []string) error {
			var o linkcheckFlags
			fs.StringVar(&o.source, "source", "", "site root holding config.toml and content/ (default: current directory)")
			fs.BoolVar(&o.drafts, "drafts", false, "include draft pages")
			fs.BoolVar(&o.offline, "offline", false, "check internal links and anchors only; no network requests")
			fs.StringVar(&o.format, "format", "text", "output format: text, json, github or sarif")
			fs.BoolVar(&o.anchors, "check-external-anchors", false, "fetch external pages to check their #fragments")
			fs.BoolVar(&o.noCache, "no-cache", false, "neither read nor write the cache of ok external links")
			return func(ctx context.Context, env Env, args []string) error {
				if len(args) > 0 {
					return usagef("unexpected argument %q", args[0])
				}
				if !slices.Contains(linkcheck.Formats, o.format) {
					return usagef("--format %q: want one of %s", o.format, strings.Join(linkcheck.Formats, ", "))
				}
				return runLinkcheck(ctx, env, o)
			}
		},
	}
}

type linkcheckFlags struct {
	source, format                    string
	drafts, offline, anchors, noCache bool
}

func runLinkcheck(ctx context.Context, env Env, o linkcheckFlags) error {
	root := abs(env.Dir, o.source)
	if fi, err := os.Stat(root); err != nil || !fi.IsDir() {
		return usagef("--source %s: not a directory", o.source)
	}
	cfg, _, err := loadConfig(env, root, false)
	if err != nil {
		return exitStatus(exitUsage)
	}
	src, err := sitefs.Open(root, cfg.Security.AllowOutside)
	if err != nil {
		return err
	}
	defer src.Close()
	s, err := site.Build(ctx, src, cfg, site.Options{Drafts: o.drafts, Links: site.LinksQuiet})
	printDiags(env.Stderr, s.Warnings)
	switch {
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(env.Stderr, "linkcheck interrupted")
		return exitStatus(exitUsage)
	case err != nil:
		n := printErr(env.Stderr, err)
		fmt.Fprintf(env.Stderr, "linkcheck: the site does not build (%d error(s)); no links checked\n", n)
		return exitStatus(exitUsage)
	}
	bad, ok := s.Links.Internal(ctx)
	var external []linkcheck.Result
	if !o.offline {
		external = s.Links.External(ctx)
		if err := checkExternal(ctx, env, root, cfg.LinkCheck, o, external); err != nil {
			return err
		}
	}
	report := linkcheck.NewReport(bad, ok, external)
	if err := report.Write(env.Stdout, o.format); err != nil {
		return err
	}
	if report.Failed() {
		return errReported
	}
	return nil
}

// checkExternal checks links with the settings of [linkcheck], reading
// and saving the cache unless --no-cache, showing progress on a terminal.
func checkExternal(ctx context.Context, env Env, root string, lc config.LinkCheck, o linkcheckFlags, links []linkcheck.Result) error {
	eo := externalOptions(lc)
	eo.Anchors = o.anchors
	var cache *linkcheck.Cache
	if !o.noCache && lc.CacheTTL > 0 {
		path := lc.CacheFile
		if !filepath.IsAbs(path) {
			path = filepath.Join(root, filepath.FromSlash(path))
		}
		c, warn := linkcheck.OpenCache(path, lc.CacheTTL, nil)
		if warn != nil {
			fmt.Fprintf(env.Stderr, "warning: %v\n", warn)
		}
		cache, eo.Cache = c, c
	}
	checker := linkcheck.NewChecker(eo)
	if linkcheck.ProgressWanted(env.Stderr, os.Getenv) {
		stop := linkcheck.ShowProgress(env.Stderr, 200*time.Millisecond, checker.Progress)
		checker.Check(ctx, links)
		stop()
	} else {
		checker.Check(ctx, links)
	}
	if ctx.Err() != nil {
		fmt.Fprintln(env.Stderr, "linkcheck interrupted")
		return exitStatus(exitUsage)
	}
	if cache != nil {
		if err := cache.Save(); err != nil {
			fmt.Fprintf(env.Stderr, "warning: %v\n", err)
		}
	}
	return nil
}

// externalOptions maps [linkcheck] onto the checker's options. Patterns
// were validated by config.Parse.
func externalOptions(lc config.LinkCheck) linkcheck.ExternalOptions {
	eo := linkcheck.ExternalOptions{
		Timeout:         lc.Timeout,
		Retries:         lc.Retries,
		Concurrency:     lc.Concurrency,
		HostConcurrency: lc.HostConcurrency,
		HostInterval:    lc.HostInterval,
		MaxRetryAfter:   lc.MaxRetryAfter,
		MaxRedirects:    lc.MaxRedirects,
		MaxBody:         int64(lc.MaxBody),
		UserAgent:       lc.UserAgent,
		AcceptStatus:    lc.AcceptStatus,
		Hosts:           map[string]linkcheck.HostRule{},
	}
	if eo.MaxRedirects == 0 {
		eo.MaxRedirects = -1 // follow none
	}
	if eo.UserAgent == "" {
		eo.UserAgent = "quire-linkcheck/" + versionString() + " (+https://github.com/quire-docs/quire)"
	}
	for _, s := range lc.Skip {
		eo.Skip = append(eo.Skip, regexp.MustCompile(s))
	}
	pats := make([]string, 0, len(lc.Outcomes))
	for p := range lc.Outcomes {
		pats = append(pats, p)
	}
	slices.Sort(pats)
	for _, p := range pats {
		eo.Outcomes = append(eo.Outcomes, linkcheck.PatternRule{Pattern: regexp.MustCompile(p), Outcome: linkcheck.Outcome(lc.Outcomes[p])})
	}
	for host, h := range lc.Hosts {
		eo.Hosts[host] = linkcheck.HostRule{Concurrency: h.Concurrency, Interval: h.Interval, IntervalSet: h.IntervalSet, Outcome: linkcheck.Outcome(h.Outcome)}
	}
	return eo
}
