package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/linkcheck"
	"github.com/quire-docs/quire/internal/site"
	"github.com/quire-docs/quire/internal/sitefs"
)

func linkcheckCommand() *command {
	return &command{
		Name:      "linkcheck",
		UsageLine: "quire linkcheck [--source DIR] [--drafts] [--offline] [--format text|json|github|sarif] [--check-external-anchors] [--no-cache] [--fix [--dry-run]]",
		Short:     "check internal links, anchors and external links",
		Long: `Linkcheck builds the site in memory (nothing is written to the output
directory), checks every internal link and #anchor, then every external
link over HTTP unless --offline is given. Problems are reported at the
markdown file, line and column (or layout file) that cites the link.

External links are checked with retries, per-host rate limits and a cache
of ok results (.quire/linkcache.json); see [linkcheck] in config.toml.

An HTML comment <!-- linkcheck-disable-next-line [PATTERN...] --> in the
markdown ignores the links of the next line; <!-- linkcheck-disable -->
... <!-- linkcheck-enable --> those between them. A comment that ignores
nothing is a warning.

With --fix, links that redirect permanently (301, 308) to a page that is
ok are rewritten to their new URL in the markdown source; --dry-run
prints the rewrites as a unified diff instead.

Exit status: 0 no broken links (warnings allowed), 1 broken links,
2 usage errors, config.toml errors or a site that does not build,
130 interrupted (the ok results checked so far are saved to the cache).`,
		Flags: func(fs *flag.FlagSet) func(context.Context, Env, []string) error {
			var o linkcheckFlags
			fs.StringVar(&o.source, "source", "", "site root holding config.toml and content/ (default: current directory)")
			fs.BoolVar(&o.drafts, "drafts", false, "include draft pages")
			fs.BoolVar(&o.offline, "offline", false, "check internal links and anchors only; no network requests")
			fs.StringVar(&o.format, "format", "text", "output format: text, json, github or sarif")
			fs.BoolVar(&o.anchors, "check-external-anchors", false, "fetch external pages to check their #fragments")
			fs.BoolVar(&o.noCache, "no-cache", false, "neither read nor write the cache of ok external links")
			fs.BoolVar(&o.fix, "fix", false, "rewrite permanently redirected links to their new URL in the markdown")
			fs.BoolVar(&o.dryRun, "dry-run", false, "with --fix: print the rewrites as a unified diff and change no file")
			fs.StringVar(&o.environment, "environment", "production", "read config/NAME/ over config/_default/, as Hugo's --environment")
			return func(ctx context.Context, env Env, args []string) error {
				if len(args) > 0 {
					return usagef("unexpected argument %q", args[0])
				}
				if !slices.Contains(linkcheck.Formats, o.format) {
					return usagef("--format %q: want one of %s", o.format, strings.Join(linkcheck.Formats, ", "))
				}
				switch {
				case o.dryRun && !o.fix:
					return usagef("--dry-run goes with --fix")
				case o.fix && o.offline:
					return usagef("--fix needs the external links checked; drop --offline")
				}
				return runLinkcheck(ctx, env, o)
			}
		},
	}
}

type linkcheckFlags struct {
	source, format, environment       string
	drafts, offline, anchors, noCache bool
	fix, dryRun                       bool
	// checked, when set, is called with each external result once it is
	// final (tests interrupt a check at a known point with it).
	checked func(linkcheck.Result)
}

// exitInterrupted is the status of a check ended by SIGINT or SIGTERM,
// as a shell reports a command killed by SIGINT (128+2).
const exitInterrupted = 130

func runLinkcheck(ctx context.Context, env Env, o linkcheckFlags) error {
	root := abs(env.Dir, o.source)
	if fi, err := os.Stat(root); err != nil || !fi.IsDir() {
		return usagef("--source %s: not a directory", o.source)
	}
	cfg, _, err := loadConfig(env, root, o.environment, false)
	if err != nil {
		return exitStatus(exitUsage)
	}
	var cache *linkcheck.Cache
	if !o.offline && !o.noCache && cfg.LinkCheck.CacheTTL > 0 {
		// Before the build: a cacheFile quire must not write is a
		// config error, found without waiting for the site.
		if cache, err = openCache(env, root, cfg.LinkCheck); err != nil {
			fmt.Fprintln(env.Stderr, err)
			return exitStatus(exitUsage)
		}
	}
	src, err := sitefs.Open(root, cfg.Security.AllowOutside)
	if err != nil {
		return err
	}
	defer src.Close()
	now, err := buildTime("", os.Getenv, time.Now)
	if err != nil {
		return err
	}
	s, err := site.Build(ctx, src, cfg, site.Options{Drafts: o.drafts, Links: site.LinksQuiet, Now: now, Getenv: os.Getenv})
	printDiags(env.Stderr, s.Warnings)
	switch {
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(env.Stderr, "linkcheck interrupted")
		return exitStatus(exitInterrupted)
	case err != nil:
		n := printErr(env.Stderr, err)
		fmt.Fprintf(env.Stderr, "linkcheck: the site does not build (%d error(s)); no links checked\n", n)
		return exitStatus(exitUsage)
	}
	bad, ok := s.Links.Internal(ctx)
	var external []linkcheck.Result
	if !o.offline {
		external = s.Links.External(ctx)
		checkExternal(ctx, env, cfg.LinkCheck, o, cache, external)
	}
	if ctx.Err() != nil {
		msg := "linkcheck interrupted"
		if cache != nil {
			msg += "; the ok results so far are saved in the cache"
		}
		fmt.Fprintln(env.Stderr, msg)
		return exitStatus(exitInterrupted)
	}
	var unchecked []linkcheck.Result
	if o.offline {
		unchecked = s.Links.External(ctx)
	}
	bad, external = applyIgnores(env, s.Links, bad, external, unchecked)
	fixed := !o.fix || fixLinks(env, root, s.Links, external, o.dryRun)
	report := linkcheck.NewReport(bad, ok, external)
	if err := report.Write(env.Stdout, o.format); err != nil {
		return err
	}
	if report.Failed() || !fixed {
		return errReported
	}
	return nil
}

// openCache opens the cache file [linkcheck] cacheFile names. A path
// outside the site root, or a file that is not a quire cache (which
// saving would overwrite), is an error at the key's line; a cache that
// cannot be used is a warning, and an empty cache.
func openCache(env Env, root string, lc config.LinkCheck) (*linkcheck.Cache, error) {
	at := func(format string, args ...any) *diag.Diagnostic {
		d := diag.Errorf("config.toml", lc.CacheFileLine, lc.CacheFileCol, "linkcheck.cacheFile: "+format, args...)
		if lc.CacheFileLine == 0 {
			return d.WithHint("move that file away, or set [linkcheck] cacheFile to a file of its own")
		}
		return d.WithHint(`name a file of its own inside the site, such as the default ".quire/linkcache.json"`)
	}
	path, err := linkcheck.CachePath(root, lc.CacheFile)
	if err != nil {
		return nil, at("%v", err)
	}
	c, err := linkcheck.OpenCache(path, lc.CacheTTL, nil)
	switch {
	case errors.Is(err, linkcheck.ErrNotCache):
		return nil, at("%q is not a quire link cache; quire will not overwrite it", lc.CacheFile)
	case c == nil:
		return nil, at("%v", err)
	case err != nil:
		fmt.Fprintf(env.Stderr, "warning: %v\n", err)
	}
	return c, nil
}

// checkExternal checks links with the settings of [linkcheck], with cache
// (nil: none), showing progress on a terminal. The ok results are saved
// to the cache even when ctx ends the check early.
func checkExternal(ctx context.Context, env Env, lc config.LinkCheck, o linkcheckFlags, cache *linkcheck.Cache, links []linkcheck.Result) {
	eo := externalOptions(lc)
	eo.Anchors = o.anchors
	eo.Checked = o.checked
	eo.Cache = cache
	checker := linkcheck.NewChecker(eo)
	if linkcheck.ProgressWanted(env.Stderr, os.Getenv) {
		stop := linkcheck.ShowProgress(env.Stderr, 200*time.Millisecond, checker.Progress)
		checker.Check(ctx, links)
		stop()
	} else {
		checker.Check(ctx, links)
	}
	if cache != nil {
		if err := cache.Save(); err != nil {
			fmt.Fprintf(env.Stderr, "warning: %v\n", err)
		}
	}
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
