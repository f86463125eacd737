package cli

import (
	"context"
	"errors"
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/gitdiff"
	"github.com/quire-docs/quire/internal/linkcheck"
)

// parsePR checks the flags of a pull-request or scheduled check
// (--changed-since, --fail-after, --now) against the others, sets
// o.failAfterD, and returns the cache's clock: --now's time when given,
// else nil (the clock).
func parsePR(o *linkcheckFlags) (func() time.Time, error) {
	if o.failAfter != "" {
		d, err := parseAge(o.failAfter)
		if err != nil || d <= 0 {
			return nil, usagef("--fail-after %s: want a positive duration such as 3d, 1w or 36h", o.failAfter)
		}
		o.failAfterD = d
	}
	switch {
	case o.offline && o.changedSince != "":
		return nil, usagef("--changed-since picks the external links to request; --offline requests none")
	case o.offline && o.failAfterD > 0:
		return nil, usagef("--fail-after applies to external links; --offline checks none")
	case o.noCache && o.failAfterD > 0:
		return nil, usagef("--fail-after needs the cache's record of failures; --no-cache turns the cache off")
	}
	if o.now == "" {
		return nil, nil
	}
	now, err := buildTime(o.now, nil, nil)
	if err != nil {
		return nil, err
	}
	return func() time.Time { return now }, nil
}

// changedSince lists the files under root changed since ref, as a usage
// error with the fix when ref cannot be compared with.
func changedSince(ctx context.Context, env Env, root, ref string) (gitdiff.Changes, error) {
	ch, err := gitdiff.Since(ctx, root, ref)
	var e *gitdiff.Error
	switch {
	case errors.As(err, &e) && e.Hint != "":
		return ch, usagef("--changed-since %s: %s (hint: %s)", ref, e.Reason, e.Hint)
	case errors.As(err, &e):
		return ch, usagef("--changed-since %s: %s", ref, e.Reason)
	case err != nil:
		return ch, fmt.Errorf("--changed-since %s: %w", ref, err)
	}
	if ch.NoMergeBase {
		fmt.Fprintf(env.Stderr, "note: --changed-since %s: no common ancestor with HEAD in this clone (a shallow clone?); comparing HEAD with %s itself (hint: fetch-depth: 0 on actions/checkout compares with the merge base)\n", ref, ref)
	}
	return ch, nil
}

// citedByChanged returns the external links cited by the files changed
// since ref, and says on stderr how many others are not requested.
func citedByChanged(env Env, cfg config.Config, ref string, ch gitdiff.Changes, external []linkcheck.Result) []linkcheck.Result {
	keep, skipped := linkcheck.Changed{
		Files: ch.Files, ContentDir: cfg.ContentDir, Layouts: layoutsChanged(cfg, ch.Files),
	}.Split(external)
	fmt.Fprintf(env.Stderr, "linkcheck: %d of %d external URLs not requested: not cited by a file changed since %s\n", skipped, len(external), ref)
	return keep
}

// layoutsChanged reports whether one of files (relative to the site
// root) may change what any layout writes: a file of the layout or asset
// directories, of themes/, data/, i18n/ or config/, or a config file at
// the root. Other files outside the content directory (the output, the
// link cache, a README) are not read by layouts.
func layoutsChanged(cfg config.Config, files []string) bool {
	dirs := []string{cfg.LayoutDir, cfg.AssetDir, "themes", "data", "i18n", "config"}
	for _, f := range files {
		if !strings.Contains(f, "/") && (strings.HasPrefix(f, "config.") || strings.HasPrefix(f, "hugo.")) {
			return true
		}
		for _, d := range dirs {
			if d = path.Clean("/" + d)[1:]; d != "" && strings.HasPrefix(f, d+"/") {
				return true
			}
		}
	}
	return false
}

// ageUnit is a number of days or weeks within a duration.
var ageUnit = regexp.MustCompile(`([0-9]+(?:\.[0-9]*)?|\.[0-9]+)([dw])`)

// parseAge parses a Go duration that may also count days (d) and weeks
// (w): "3d", "1w2d", "1d12h", "36h".
func parseAge(s string) (time.Duration, error) {
	var bad error
	hours := ageUnit.ReplaceAllStringFunc(s, func(m string) string {
		sub := ageUnit.FindStringSubmatch(m)
		n, err := strconv.ParseFloat(sub[1], 64)
		if err != nil {
			bad = err
			return m
		}
		if sub[2] == "w" {
			n *= 7
		}
		return strconv.FormatFloat(n*24, 'f', -1, 64) + "h"
	})
	if bad != nil {
		return 0, bad
	}
	return time.ParseDuration(hours)
}
