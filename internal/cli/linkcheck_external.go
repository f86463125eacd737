package cli

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/linkcheck"
)

// openCache opens the cache file [linkcheck] cacheFile names. A path
// outside the site root, or a file that is not a quire cache (which
// saving would overwrite), is an error at the key's line; a cache that
// cannot be used is a warning, and an empty cache.
func openCache(env Env, root string, lc config.LinkCheck, clock func() time.Time) (*linkcheck.Cache, error) {
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
	c, err := linkcheck.OpenCache(path, lc.CacheTTL, clock)
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
	for host, h := range o.headers {
		r := eo.Hosts[host]
		r.Headers = h
		eo.Hosts[host] = r
	}
	eo.Anchors = o.anchors
	eo.Checked = o.checked
	eo.Cache = cache
	eo.FailAfter = o.failAfterD
	if o.suggestArchive {
		eo.ArchiveAPI = lc.ArchiveAPI
	}
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
		Timeout:          lc.Timeout,
		Retries:          lc.Retries,
		Concurrency:      lc.Concurrency,
		HostConcurrency:  lc.HostConcurrency,
		HostInterval:     lc.HostInterval,
		MaxRetryAfter:    lc.MaxRetryAfter,
		MaxRateLimitWait: lc.MaxRateLimitWait,
		MaxRedirects:     lc.MaxRedirects,
		MaxBody:          int64(lc.MaxBody),
		UserAgent:        lc.UserAgent,
		AcceptStatus:     lc.AcceptStatus,
		Hosts:            map[string]linkcheck.HostRule{},
		RequireHTTPS:     lc.RequireHTTPS,
		ArchiveURL:       lc.ArchiveURL,
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
		eo.Hosts[host] = linkcheck.HostRule{Concurrency: h.Concurrency, Interval: h.Interval, IntervalSet: h.IntervalSet, Outcome: linkcheck.Outcome(h.Outcome),
			Soft404: h.Soft404, Soft404Markers: h.Soft404Markers}
	}
	return eo
}

// hostHeaders returns the request headers of each host: those of
// [linkcheck.hosts], their ${NAME}s read from the environment, and, when
// GITHUB_TOKEN is set, "Authorization: Bearer $GITHUB_TOKEN" for
// github.com and api.github.com unless the config sets an Authorization
// there. A variable that is not set is an error at its key.
func hostHeaders(env Env, lc config.LinkCheck) (map[string]http.Header, error) {
	hs, err := lc.HostHeaders(func(name string) (string, bool) {
		v := env.getenv(name)
		return v, v != ""
	})
	if err != nil {
		return nil, err
	}
	tok := env.getenv("GITHUB_TOKEN")
	if tok == "" {
		return hs, nil
	}
	if strings.ContainsFunc(tok, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		fmt.Fprintln(env.Stderr, "warning: GITHUB_TOKEN holds a control character; links to GitHub are checked without it")
		return hs, nil
	}
	for _, host := range []string{"github.com", "api.github.com"} {
		if hs[host].Get("Authorization") != "" {
			continue
		}
		if hs[host] == nil {
			hs[host] = http.Header{}
		}
		hs[host].Set("Authorization", "Bearer "+tok)
	}
	return hs, nil
}
