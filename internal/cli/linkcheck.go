package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/gitdiff"
	"github.com/quire-docs/quire/internal/linkcheck"
	"github.com/quire-docs/quire/internal/multilingual"
	"github.com/quire-docs/quire/internal/site"
	"github.com/quire-docs/quire/internal/sitefs"
)

func linkcheckCommand() *command {
	return &command{
		Name:      "linkcheck",
		UsageLine: "quire linkcheck [--source DIR] [--drafts] [--offline] [--format text|json|github|sarif|junit|markdown] [--check-external-anchors] [--no-cache] [--changed-since REF] [--fail-after DURATION] [--fix [--dry-run]] [--suggest-archive]",
		Short:     "check internal links, anchors and external links",
		Long: `Linkcheck builds the site in memory (nothing is written to the output
directory), checks every internal link and #anchor, then every external
link over HTTP unless --offline is given. Problems are reported at the
markdown file, line and column (or layout file) that cites the link.

External links are checked with retries, per-host rate limits and a cache
of ok results (.quire/linkcache.json); see [linkcheck] in config.toml.
The cache also remembers since when each failing URL has failed.

--changed-since REF (a git ref, such as origin/main) requests only the
external links cited by files changed since REF (git diff REF...HEAD,
plus uncommitted changes); a changed layout, partial, shortcode or
config requests every link a layout cites. Internal links and anchors
are checked everywhere as always.

--fail-after DURATION (such as 3d; units d and w besides Go's h, m, s)
reports an external failure as a warning until the URL has failed for
that long, by the cache's record; a success in between starts afresh.

With --format text in GitHub Actions (GITHUB_ACTIONS=true), the report is
also appended as markdown to the file $GITHUB_STEP_SUMMARY names.

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
			fs.StringVar(&o.format, "format", "text", "output format: text, json, github, sarif, junit or markdown")
			fs.BoolVar(&o.anchors, "check-external-anchors", false, "fetch external pages to check their #fragments")
			fs.BoolVar(&o.noCache, "no-cache", false, "neither read nor write the cache of ok external links")
			fs.BoolVar(&o.fix, "fix", false, "rewrite permanently redirected links to their new URL in the markdown")
			fs.BoolVar(&o.dryRun, "dry-run", false, "with --fix: print the rewrites as a unified diff and change no file")
			fs.BoolVar(&o.suggestArchive, "suggest-archive", false, "ask the Wayback Machine ([linkcheck] archiveAPI) for the closest snapshot of each dead link")
			fs.StringVar(&o.environment, "environment", "production", "read config/NAME/ over config/_default/, as Hugo's --environment")
			fs.StringVar(&o.changedSince, "changed-since", "", "request only the external links cited by files changed since this git ref, e.g. origin/main")
			fs.StringVar(&o.failAfter, "fail-after", "", "report an external failure as a warning until it has failed this long, e.g. 3d (default: fail at once)")
			fs.StringVar(&o.now, "now", "", "the time the build and the cache take as now, e.g. 2024-01-01T00:00:00Z (default: SOURCE_DATE_EPOCH for the build, the clock for the cache)")
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
	changedSince, failAfter, now      string
	drafts, offline, anchors, noCache bool
	failAfterD                        time.Duration // --fail-after, parsed by parsePR
	fix, dryRun                       bool
	// checked, when set, is called with each external result once it is
	// final (tests interrupt a check at a known point with it).
	checked func(linkcheck.Result)
	headers map[string]http.Header // request headers by host (hostHeaders)

	suggestArchive bool // ask [linkcheck] archiveAPI for dead links' snapshots
}

// exitInterrupted is the status of a check ended by SIGINT or SIGTERM,
// as a shell reports a command killed by SIGINT (128+2).
const exitInterrupted = 130

func runLinkcheck(ctx context.Context, env Env, o linkcheckFlags) error {
	root := abs(env.Dir, o.source)
	if fi, err := os.Stat(root); err != nil || !fi.IsDir() {
		return usagef("--source %s: not a directory", o.source)
	}
	clock, err := parsePR(&o)
	if err != nil {
		return err
	}
	cfg, _, err := loadConfig(env, root, o.environment, false)
	if err != nil {
		return exitStatus(exitUsage)
	}
	if !o.offline {
		// Before the build too: a header whose variable is not set is a
		// config error.
		if o.headers, err = hostHeaders(env, cfg.LinkCheck); err != nil {
			printErr(env.Stderr, err)
			return exitStatus(exitUsage)
		}
	}
	var changed gitdiff.Changes
	if o.changedSince != "" {
		if changed, err = changedSince(ctx, env, root, o.changedSince); err != nil {
			return err
		}
	}
	var cache *linkcheck.Cache
	if !o.offline && !o.noCache && (cfg.LinkCheck.CacheTTL > 0 || o.failAfterD > 0) {
		// Before the build: a cacheFile quire must not write is a
		// config error, found without waiting for the site.
		if cache, err = openCache(env, root, cfg.LinkCheck, clock); err != nil {
			fmt.Fprintln(env.Stderr, err)
			return exitStatus(exitUsage)
		}
	}
	src, err := sitefs.Open(root, cfg.Security.AllowOutside)
	if err != nil {
		return err
	}
	defer src.Close()
	now, err := buildTime(o.now, os.Getenv, time.Now)
	if err != nil {
		return err
	}
	s, err := multilingual.Build(ctx, src, cfg, site.Options{Drafts: o.drafts, Links: site.LinksQuiet, Now: now, Getenv: os.Getenv, Dir: root})
	printDiags(env.Stderr, s.Warnings)
	switch {
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(env.Stderr, "linkcheck interrupted")
		return exitStatus(exitInterrupted)
	case err != nil:
		n := printErr(env.Stderr, err)
		fmt.Fprintf(env.Stderr, "linkcheck: the site does not build (%s); no links checked\n", diag.Count(n, "error"))
		return exitStatus(exitUsage)
	}
	// A multilingual site's languages are checked one by one.
	langs := s.Languages
	if len(langs) == 0 {
		langs = []*site.Site{s}
	}
	var (
		bad, external []linkcheck.Result
		ok            int
	)
	for _, l := range langs {
		b, n := l.Links.Internal(ctx)
		bad, ok = append(bad, b...), ok+n
		if !o.offline {
			external = append(external, l.Links.External(ctx)...)
		}
	}
	bad = withAcross(bad, s.Across)
	if !o.offline {
		external = mergeResults(external)
		if o.changedSince != "" {
			external = citedByChanged(env, cfg, o.changedSince, changed, external)
		}
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
		for _, l := range langs {
			unchecked = append(unchecked, l.Links.External(ctx)...)
		}
	}
	fixed := true
	// The diff of --dry-run goes to stdout with the text report; beside a
	// report a tool reads (json, sarif, ...), to stderr, so stdout stays
	// one document.
	diffOut := env.Stdout
	if o.format != "text" {
		diffOut = env.Stderr
	}
	for _, l := range langs { // each language's pages have their own sources
		bad, external = applyIgnores(env, l.Links, bad, external, unchecked)
		if o.fix {
			fixed = fixLinks(env, root, l.Links, external, o.dryRun, diffOut) && fixed
		}
	}
	report := linkcheck.NewReport(bad, ok, external)
	if err := report.Write(env.Stdout, o.format); err != nil {
		return err
	}
	writeStepSummary(env, o.format, report)
	if report.Failed() || !fixed {
		return errReported
	}
	return nil
}

// writeStepSummary appends the markdown report to the job summary of a
// GitHub Actions step ($GITHUB_STEP_SUMMARY) when the report went to
// stdout as text: the other formats are for machines that read stdout.
// A summary that cannot be written is a warning.
func writeStepSummary(env Env, format string, report *linkcheck.Report) {
	path := env.getenv("GITHUB_STEP_SUMMARY")
	if format != "text" || env.getenv("GITHUB_ACTIONS") != "true" || path == "" {
		return
	}
	f, err := os.OpenFile(abs(env.Dir, path), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err == nil {
		if fi, serr := f.Stat(); serr == nil && fi.Size() > 0 {
			fmt.Fprintln(f) // a blank line after what earlier steps wrote
		}
		err = report.Write(f, "markdown")
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "warning: GITHUB_STEP_SUMMARY: %v\n", err)
	}
}

// mergeResults joins the results of one URL (found by several languages'
// checks) into one with every source, sorted by URL.
func mergeResults(rs []linkcheck.Result) []linkcheck.Result {
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].URL < rs[j].URL })
	var out []linkcheck.Result
	for _, r := range rs {
		if n := len(out); n > 0 && out[n-1].URL == r.URL {
			out[n-1].Sources = append(out[n-1].Sources, r.Sources...)
			continue
		}
		out = append(out, r)
	}
	return out
}

// withAcross replaces the results of bad that a multilingual build found
// broken across languages (skipped by one language's check as outside
// it) with those verdicts.
func withAcross(bad, across []linkcheck.Result) []linkcheck.Result {
	key := func(r linkcheck.Result) string {
		if len(r.Sources) == 0 {
			return r.URL
		}
		s := r.Sources[0]
		return fmt.Sprintf("%s %s:%d:%d", r.URL, s.File, s.Line, s.Column)
	}
	found := map[string]linkcheck.Result{}
	for _, r := range across {
		found[key(r)] = r
	}
	for i, r := range bad {
		if a, ok := found[key(r)]; ok {
			bad[i] = a
		}
	}
	return bad
}
