package linkcheck

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// ExternalOptions configure a Checker. Zero Timeout, Concurrency,
// HostConcurrency, MaxRedirects, MaxBody and UserAgent get the defaults
// of config.toml's [linkcheck] table; zero Retries, HostInterval,
// MaxRetryAfter and MaxRateLimitWait mean none (the CLI passes the
// table's values).
type ExternalOptions struct {
	// Doer sends requests; nil makes an *http.Client that does not
	// follow redirects (the Checker follows them itself). Timeouts,
	// retries and limits are added around it either way.
	Doer            Doer
	Timeout         time.Duration
	Retries         int
	Backoff         time.Duration // first retry wait; 0 is 500ms
	Concurrency     int
	HostConcurrency int
	HostInterval    time.Duration
	Hosts           map[string]HostRule // by lower-case host name
	MaxRetryAfter   time.Duration
	// MaxRateLimitWait is the longest a host whose rate limit is spent
	// (X-RateLimit-Remaining: 0, see rateLimit) is waited for, until its
	// reset; past it, the host's links are warnings "rate limited until".
	MaxRateLimitWait time.Duration
	MaxRedirects     int // 0: 10; negative: follow none
	MaxBody          int64
	UserAgent        string
	AcceptStatus     []int
	Skip             []*regexp.Regexp
	Outcomes         []PatternRule // in order; the first match wins
	Anchors          bool          // --check-external-anchors
	Cache            *Cache        // nil: no cache
	Sleep            func(ctx context.Context, d time.Duration) error
	// Now is the clock of timeouts, rate limits and Retry-After dates;
	// nil is time.Now. AfterFunc runs f after d unless stopped (it ends
	// requests that run out of time); nil is time.AfterFunc. Tests
	// replace both.
	Now       func() time.Time
	AfterFunc func(d time.Duration, f func()) (stop func() bool)
	// Checked, when set, is called with each result once its verdict
	// (and its cache entry) is final; calls may be concurrent.
	Checked func(Result)
	// FailAfter, when positive, makes an error a warning until the URL
	// has failed (by Cache's record) for that long; it needs a Cache.
	FailAfter time.Duration

	// RequireHTTPS makes an ok http:// link a warning when its https://
	// twin answers too (see preferHTTPS).
	RequireHTTPS bool
	// ArchiveURL is the template of the hint on a dead link (404, 410,
	// soft 404, no such host): "{url}" is replaced by the link (see
	// ArchiveLink). "": no hint.
	ArchiveURL string
	// ArchiveAPI is the Wayback availability API asked for a dead
	// link's closest snapshot; "": none is asked (see archiveHint).
	ArchiveAPI string
}

// HostRule overrides the limits or the outcome of failures for one host.
type HostRule struct {
	Concurrency int           // 0: HostConcurrency
	Interval    time.Duration // used when IntervalSet
	IntervalSet bool
	Outcome     Outcome // "": as checked; Skipped: not requested
	// Headers are set on every request to the host (and to no other:
	// not on a redirect elsewhere), over User-Agent and Accept. They
	// may hold credentials: nothing reports or caches them.
	Headers http.Header
	// Soft404 GETs the host's pages and takes a 2xx answer that is a
	// not-found page for a broken link (see soft404). Soft404Markers are
	// the words of such a page's <title>; nil: DefaultSoft404Markers.
	Soft404        bool
	Soft404Markers []string
}

// PatternRule sets the outcome of failing URLs matching Pattern.
type PatternRule struct {
	Pattern *regexp.Regexp
	Outcome Outcome
}

// Checker checks external links over HTTP. It is safe to use from one
// Check call at a time.
type Checker struct {
	o       ExternalOptions
	doer    Doer
	limiter *Limiter
	done    atomic.Int64
	total   atomic.Int64
}

// accept is the Accept header: what a browser sends for a page.
const accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"

// NewChecker returns a Checker with o's settings, defaults filled in.
func NewChecker(o ExternalOptions) *Checker {
	if o.Timeout <= 0 {
		o.Timeout = 10 * time.Second
	}
	if o.Concurrency <= 0 {
		o.Concurrency = 32
	}
	if o.HostConcurrency <= 0 {
		o.HostConcurrency = 4
	}
	switch {
	case o.MaxRedirects == 0:
		o.MaxRedirects = 10
	case o.MaxRedirects < 0:
		o.MaxRedirects = 0
	}
	if o.MaxBody <= 0 {
		o.MaxBody = 10 << 20
	}
	if o.UserAgent == "" {
		o.UserAgent = "quire-linkcheck (+https://github.com/quire-docs/quire)"
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.AfterFunc == nil {
		o.AfterFunc = afterFunc
	}
	base := o.Doer
	if base == nil {
		// Keep as many idle connections per host as may be in flight to
		// it (net/http keeps 2), so rate-limited hosts reuse connections.
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.MaxIdleConnsPerHost = o.HostConcurrency
		for _, h := range o.Hosts {
			tr.MaxIdleConnsPerHost = max(tr.MaxIdleConnsPerHost, h.Concurrency)
		}
		tr.MaxIdleConns = max(tr.MaxIdleConns, o.Concurrency)
		base = &http.Client{ // no Timeout: timed below ends requests
			Transport:     tr,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		}
	}
	c := &Checker{o: o}
	c.limiter = Limit(&timed{next: base, timeout: o.Timeout, now: o.Now, afterFunc: o.AfterFunc}, o.Concurrency, c.hostLimit)
	c.limiter.PauseHosts(o.MaxRetryAfter, o.Now, o.Sleep)
	c.limiter.WaitRateLimits(o.MaxRateLimitWait)
	c.doer = Retry(c.limiter, RetryOptions{
		Retries: o.Retries, Backoff: o.Backoff, MaxRetryAfter: o.MaxRetryAfter, MaxRateLimitWait: o.MaxRateLimitWait,
		Sleep: o.Sleep, Now: o.Now, HostPauses: true,
	})
	return c
}

func (c *Checker) hostLimit(host string) HostLimit {
	l := HostLimit{Concurrency: c.o.HostConcurrency, Interval: c.o.HostInterval}
	if r, ok := c.o.Hosts[host]; ok {
		if r.Concurrency > 0 {
			l.Concurrency = r.Concurrency
		}
		if r.IntervalSet {
			l.Interval = r.Interval
		}
	}
	return l
}

// Progress returns how many URLs are checked out of how many, and how
// many hosts have requests waiting on their rate limits.
func (c *Checker) Progress() (done, total, waiting int) {
	return int(c.done.Load()), int(c.total.Load()), c.limiter.Waiting()
}

// Check fills in the outcome of every external result (as returned by
// Links.External). Each URL is requested once: URLs that differ only in
// their fragment share one request, which is a GET with the body searched
// for every fragment when anchors are checked.
func (c *Checker) Check(ctx context.Context, links []Result) {
	groups := map[string][]int{}
	var order []string
	for i, r := range links {
		key := r.URL
		if j := strings.IndexByte(key, '#'); j >= 0 {
			key = key[:j]
		}
		if _, ok := groups[key]; !ok {
			order = append(order, key)
		}
		groups[key] = append(groups[key], i)
	}
	c.total.Store(int64(len(links)))
	var wg sync.WaitGroup
	for _, key := range order {
		idx := groups[key]
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.checkGroup(ctx, key, links, idx)
			c.done.Add(int64(len(idx)))
			if c.o.Checked != nil {
				for _, i := range idx {
					c.o.Checked(links[i])
				}
			}
		}()
	}
	wg.Wait()
	sortResults(links)
}

// checkGroup checks the results links[idx], which share the URL key.
func (c *Checker) checkGroup(ctx context.Context, key string, links []Result, idx []int) {
	set := func(v verdict) {
		for _, i := range idx {
			links[i].Outcome, links[i].Status, links[i].Reason, links[i].Cached = v.outcome, v.status, v.reason, v.cached
			links[i].Redirects, links[i].MovedTo = v.redirects, v.moved
			links[i].Hint = v.hint
		}
	}
	if v, done := c.precheck(key); done {
		set(c.override(key, v))
		return
	}
	// after turns the verdict on the page into the one reported: the
	// configured outcome, then requireHTTPS and the archive hint.
	after := func(v verdict) verdict {
		v = c.preferHTTPS(ctx, key, c.override(key, v))
		if v.dead {
			v.hint = c.archiveHint(ctx, key)
		}
		return v
	}
	var frags []string
	if c.o.Anchors {
		for _, i := range idx {
			if f := fragment(links[i].URL); f != "" {
				frags = append(frags, f)
			}
		}
	}
	if len(frags) == 0 {
		if c.cached(key) {
			set(verdict{outcome: OK, status: http.StatusOK, cached: true})
			return
		}
		v := c.fetch(ctx, key, nil)
		c.store(key, v)
		set(c.failing(ctx, key, after(v)))
		return
	}
	// With anchors: one GET for the page, a verdict per fragment.
	var todo []string
	for _, i := range idx {
		u := links[i].URL
		if f := fragment(u); f == "" && c.cached(key) || f != "" && c.cached(u) {
			links[i].Outcome, links[i].Status, links[i].Cached = OK, http.StatusOK, true
			continue
		}
		todo = append(todo, fragment(u))
	}
	if len(todo) == 0 {
		return
	}
	page := c.fetch(ctx, key, todo)
	reported := after(page)
	for _, i := range idx {
		if links[i].Cached {
			continue
		}
		raw, v := page, reported
		if f := fragment(links[i].URL); f != "" && page.found != nil && !page.found[f] {
			raw = verdict{outcome: Error, status: page.status, reason: missingAnchor(f, page.truncated)}
			v = c.override(key, raw)
		}
		c.store(links[i].URL, raw)
		if fragment(links[i].URL) == "" {
			c.store(key, raw)
		}
		v = c.failing(ctx, links[i].URL, v)
		links[i].Outcome, links[i].Status, links[i].Reason, links[i].Hint = v.outcome, v.status, v.reason, v.hint
		links[i].Redirects, links[i].MovedTo = v.redirects, v.moved
	}
}

func fragment(u string) string {
	if i := strings.IndexByte(u, '#'); i >= 0 {
		return u[i+1:]
	}
	return ""
}

// precheck decides the URLs that need no request: other schemes, mailto:
// and tel: syntax, skip patterns and skipped hosts or patterns.
func (c *Checker) precheck(u string) (verdict, bool) {
	switch s := schemeOf(u); s {
	case "http", "https":
	case "mailto":
		return checkMailto(u), true
	case "tel":
		return checkTel(u), true
	default:
		return verdict{outcome: Skipped, reason: s + ": links are not checked"}, true
	}
	for _, re := range c.o.Skip {
		if re.MatchString(u) {
			return verdict{outcome: Skipped, reason: "matches skip pattern " + re.String()}, true
		}
	}
	if o, why := c.rule(u); o == Skipped {
		return verdict{outcome: Skipped, reason: why}, true
	}
	return verdict{}, false
}

// rule returns the outcome configured for u's host or a pattern
// matching u, and why.
func (c *Checker) rule(u string) (Outcome, string) {
	for _, p := range c.o.Outcomes {
		if p.Pattern.MatchString(u) {
			return p.Outcome, "outcome set for pattern " + p.Pattern.String()
		}
	}
	if r, ok := c.o.Hosts[hostOf(u)]; ok && r.Outcome != "" {
		return r.Outcome, "outcome set for host " + hostOf(u)
	}
	return "", ""
}

// override applies the configured outcome to a failure of u.
func (c *Checker) override(u string, v verdict) verdict {
	if v.outcome == OK || v.outcome == Skipped {
		return v
	}
	if o, why := c.rule(u); o != "" && o != v.outcome {
		v.reason += " (" + why + ")"
		v.outcome = o
	}
	return v
}

// cached reports whether key is ok in the cache. With RequireHTTPS, an
// http:// URL is always checked: its ok entry says nothing of its twin.
func (c *Checker) cached(key string) bool {
	if c.o.RequireHTTPS && schemeOf(key) == "http" {
		return false
	}
	return c.o.Cache != nil && c.o.Cache.Fresh(key)
}

// store caches ok results only: failures, warnings and transient errors
// must be checked again next run.
func (c *Checker) store(key string, v verdict) {
	if c.o.Cache != nil && v.outcome == OK {
		c.o.Cache.Put(key, v.status)
	}
}

func hostOf(u string) string {
	i := strings.Index(u, "://")
	if i < 0 {
		return ""
	}
	rest := u[i+3:]
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.LastIndexByte(rest, '@'); i >= 0 {
		rest = rest[i+1:]
	}
	if i := strings.LastIndexByte(rest, ':'); i >= 0 && !strings.HasSuffix(rest, "]") {
		rest = rest[:i]
	}
	return strings.ToLower(strings.Trim(rest, "[]"))
}
