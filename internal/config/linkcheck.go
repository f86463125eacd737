package config

import (
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"time"
)

// LinkCheck is the [linkcheck] table: how quire build treats broken
// internal links and how quire linkcheck checks external ones.
type LinkCheck struct {
	Internal        string        // internal: "error" (default) or "warning"
	Timeout         time.Duration // timeout: per request, default 10s
	Retries         int           // retries: after the first attempt, default 3
	Concurrency     int           // concurrency: requests in flight, default 32
	HostConcurrency int           // hostConcurrency: requests in flight per host, default 4
	HostInterval    time.Duration // hostInterval: minimum time between requests to one host, default 0
	MaxRetryAfter   time.Duration // maxRetryAfter: longest Retry-After honoured, default 60s
	// MaxRateLimitWait (maxRateLimitWait, default 60s) is the longest a
	// host whose rate limit is spent (X-RateLimit-Remaining: 0 and its
	// reset) is waited for; 0: never wait.
	MaxRateLimitWait time.Duration
	MaxRedirects     int           // maxRedirects: default 10
	MaxBody          int           // maxBodyBytes: most of a body read for anchor checks, default 10 MiB
	CacheFile        string        // cacheFile: relative to the site root, default ".quire/linkcache.json"
	CacheTTL         time.Duration // cacheTTL: how long an ok result is trusted, default 24h
	// CacheFileLine and CacheFileCol are where cacheFile is set in
	// config.toml, for the errors of a cache file quire must not use;
	// 0 when it is not set.
	CacheFileLine, CacheFileCol int
	UserAgent                   string   // userAgent: "" for quire's own
	AcceptStatus                []int    // acceptStatus: extra HTTP statuses that count as ok
	Skip                        []string // skip: regular expressions of URLs not to check
	Hosts                       map[string]LinkHost
	Outcomes                    map[string]string // [linkcheck.outcomes]: URL regexp → outcome for failures
	// RequireHTTPS (requireHTTPS, default false) warns of an http:// link
	// whose host serves the page over HTTPS too. Off by default: it costs
	// one more request per http:// link that does not redirect there.
	RequireHTTPS bool
	// ArchiveURL (archiveURL) is the template of the hint on a dead
	// external link, "{url}" standing for the link; "" gives none. No
	// request is made for it.
	ArchiveURL string
	// ArchiveAPI (archiveAPI) is the Wayback availability API that
	// quire linkcheck --suggest-archive asks for a dead link's closest
	// snapshot.
	ArchiveAPI string
}

// LinkHost is one [linkcheck.hosts."HOST"] table.
type LinkHost struct {
	Concurrency int           // 0: hostConcurrency
	Interval    time.Duration // 0 with IntervalSet false: hostInterval
	IntervalSet bool
	Outcome     string       // "" or the outcome for failures: "warning", "error", "skipped"
	Headers     []LinkHeader // sorted by name; values unexpanded, see LinkCheck.HostHeaders
	// Soft404 (soft404 = true, or a list of title markers) says the host
	// answers 200 with a "not found" page: its pages are fetched and such
	// a page is a broken link. Soft404Markers is the list, nil for the
	// checker's defaults.
	Soft404        bool
	Soft404Markers []string
}

func defaultLinkCheck() LinkCheck {
	return LinkCheck{
		Internal:         "error",
		Timeout:          10 * time.Second,
		Retries:          3,
		Concurrency:      32,
		HostConcurrency:  4,
		MaxRetryAfter:    60 * time.Second,
		MaxRateLimitWait: 60 * time.Second,
		MaxRedirects:     10,
		MaxBody:          10 << 20,
		CacheFile:        ".quire/linkcache.json",
		CacheTTL:         24 * time.Hour,
		ArchiveURL:       "https://web.archive.org/web/*/{url}",
		ArchiveAPI:       "https://archive.org/wayback/available",
	}
}

var linkcheckFields = []field{
	{name: "internal", kind: kindString},
	{name: "timeout", kind: kindString},
	{name: "retries", kind: kindInt},
	{name: "concurrency", kind: kindInt},
	{name: "hostConcurrency", kind: kindInt},
	{name: "hostInterval", kind: kindString},
	{name: "maxRetryAfter", kind: kindString},
	{name: "maxRateLimitWait", kind: kindString},
	{name: "maxRedirects", kind: kindInt},
	{name: "maxBodyBytes", kind: kindInt},
	{name: "cacheFile", kind: kindString},
	{name: "cacheTTL", kind: kindString},
	{name: "userAgent", kind: kindString},
	{name: "acceptStatus", kind: kindArray},
	{name: "skip", kind: kindArray},
	{name: "hosts", kind: kindParams},
	{name: "outcomes", kind: kindParams},
	{name: "requireHTTPS", kind: kindBool},
	{name: "archiveURL", kind: kindString},
	{name: "archiveAPI", kind: kindString},
}

// outcomes a host or pattern may set for failing links.
var outcomeNames = []string{"error", "warning", "skipped"}

func (d *decoder) applyLinkCheck(c *LinkCheck) {
	const p = "linkcheck."
	if l, ok := d.leaves[p+"internal"]; ok {
		switch v := strings.ToLower(l.value.(string)); v {
		case "error", "warning":
			c.Internal = v
		default:
			d.addAt(l, &problem{fmt.Sprintf("linkcheck.internal: %q is not error or warning", l.value), `use "error" (the default: broken internal links fail the build) or "warning"`})
		}
	}
	d.setDuration(p+"timeout", &c.Timeout, false)
	d.setDuration(p+"hostInterval", &c.HostInterval, true)
	d.setDuration(p+"maxRetryAfter", &c.MaxRetryAfter, true)
	d.setDuration(p+"maxRateLimitWait", &c.MaxRateLimitWait, true)
	d.setDuration(p+"cacheTTL", &c.CacheTTL, true)
	d.setCount(p+"retries", &c.Retries, 0)
	d.setCount(p+"concurrency", &c.Concurrency, 1)
	d.setCount(p+"hostConcurrency", &c.HostConcurrency, 1)
	d.setCount(p+"maxRedirects", &c.MaxRedirects, 0)
	d.setCount(p+"maxBodyBytes", &c.MaxBody, 1)
	if l, ok := d.leaves[p+"cacheFile"]; ok {
		c.CacheFile, c.CacheFileLine, c.CacheFileCol = l.value.(string), l.pos.line, l.pos.col
	}
	d.setString(p+"userAgent", &c.UserAgent)
	d.setBool(p+"requireHTTPS", &c.RequireHTTPS)
	d.setArchive(p+"archiveURL", &c.ArchiveURL, true)
	d.setArchive(p+"archiveAPI", &c.ArchiveAPI, false)
	if l, ok := d.leaves[p+"acceptStatus"]; ok {
		for _, v := range l.value.([]any) {
			n, ok := v.(int64)
			if !ok || n < 100 || n > 999 {
				d.addAt(l, &problem{fmt.Sprintf("linkcheck.acceptStatus: %v is not an HTTP status", v), "list status codes such as [403, 999]"})
				continue
			}
			c.AcceptStatus = append(c.AcceptStatus, int(n))
		}
	}
	if l, ok := d.leaves[p+"skip"]; ok {
		for _, v := range l.value.([]any) {
			if s, ok := v.(string); ok && d.checkRegexp(l, "linkcheck.skip", s) {
				c.Skip = append(c.Skip, s)
			} else if !ok {
				d.addAt(l, &problem{fmt.Sprintf("linkcheck.skip: %v is not a string", v), `list regular expressions such as ["^https://example\\.com/"]`})
			}
		}
	}
	if l, ok := d.leaves[p+"outcomes"]; ok {
		c.Outcomes = map[string]string{}
		for _, k := range sortedKeys(l.value.(map[string]any)) {
			s, ok := l.value.(map[string]any)[k].(string)
			if !ok || !validOutcome(s) {
				d.addAt(l, &problem{fmt.Sprintf("linkcheck.outcomes.%q: want one of %s", k, strings.Join(outcomeNames, ", ")), ""})
				continue
			}
			if d.checkRegexp(l, "linkcheck.outcomes", k) {
				c.Outcomes[k] = strings.ToLower(s)
			}
		}
	}
	if l, ok := d.leaves[p+"hosts"]; ok {
		c.Hosts = map[string]LinkHost{}
		for _, host := range sortedKeys(l.value.(map[string]any)) {
			if h, ok := d.linkHost(l, host, l.value.(map[string]any)[host]); ok {
				c.Hosts[strings.ToLower(host)] = h
			}
		}
	}
}

// linkHost checks one [linkcheck.hosts."HOST"] table.
func (d *decoder) linkHost(l leaf, host string, v any) (LinkHost, bool) {
	name := fmt.Sprintf("linkcheck.hosts.%q", host)
	t, ok := v.(map[string]any)
	if !ok {
		d.addAt(l, &problem{name + ": expected a table", "write [linkcheck.hosts.\"example.com\"] with concurrency, interval, outcome or headers"})
		return LinkHost{}, false
	}
	var h LinkHost
	good := true
	for _, k := range sortedKeys(t) {
		switch val := t[k]; strings.ToLower(k) {
		case "concurrency":
			if n, ok := val.(int64); ok && n >= 1 {
				h.Concurrency = int(n)
				continue
			}
		case "interval":
			if s, ok := val.(string); ok {
				if dur, err := time.ParseDuration(s); err == nil && dur >= 0 {
					h.Interval, h.IntervalSet = dur, true
					continue
				}
			}
		case "outcome":
			if s, ok := val.(string); ok && validOutcome(s) {
				h.Outcome = strings.ToLower(s)
				continue
			}
		case "headers":
			hs, ok := d.linkHeaders(l, host, k, val)
			h.Headers = hs
			good = good && ok
			continue
		case "soft404":
			if soft, markers, ok := soft404Value(val); ok {
				h.Soft404, h.Soft404Markers = soft, markers
				continue
			}
			d.addAt(l, &problem{fmt.Sprintf("%s.%s: want true, false or a list of non-empty strings", name, k), `write soft404 = true, or the words of a not-found page's title such as ["Page not found"]`})
			good = false
			continue
		default:
			d.addAt(l, &problem{fmt.Sprintf("%s: unknown key %q", name, k), "known keys: concurrency, interval, outcome, headers, soft404"})
			good = false
			continue
		}
		d.addAt(l, &problem{fmt.Sprintf("%s.%s: invalid value %v", name, k, t[k]), `concurrency is an integer >= 1, interval a duration such as "1s", outcome one of error, warning, skipped`})
		good = false
	}
	return h, good
}

// soft404Value reads a host's soft404: a bool, or a non-empty list of
// non-empty title markers (which turns it on).
func soft404Value(v any) (on bool, markers []string, ok bool) {
	switch v := v.(type) {
	case bool:
		return v, nil, true
	case []any:
		for _, m := range v {
			s, ok := m.(string)
			if !ok || strings.TrimSpace(s) == "" {
				return false, nil, false
			}
			markers = append(markers, s)
		}
		return len(markers) > 0, markers, len(markers) > 0
	}
	return false, nil, false
}

// setArchive sets an archive URL: an http(s) URL, holding "{url}" when
// template; "" only for a template (no hint).
func (d *decoder) setArchive(name string, dst *string, template bool) {
	l, ok := d.leaves[name]
	if !ok {
		return
	}
	s := l.value.(string)
	if s == "" && template {
		*dst = ""
		return
	}
	u, err := url.Parse(strings.ReplaceAll(s, "{url}", "x"))
	switch {
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
		d.addAt(l, &problem{fmt.Sprintf("%s: %q is not an http(s) URL", name, s), fmt.Sprintf("remove the key for the default %q", *dst)})
	case template && !strings.Contains(s, "{url}"):
		d.addAt(l, &problem{fmt.Sprintf("%s: %q has no {url}", name, s), `write {url} where the link goes, as in "https://web.archive.org/web/*/{url}", or "" for no hint`})
	default:
		*dst = s
	}
}

func validOutcome(s string) bool {
	for _, o := range outcomeNames {
		if strings.EqualFold(s, o) {
			return true
		}
	}
	return false
}

func (d *decoder) checkRegexp(l leaf, name, s string) bool {
	if _, err := regexp.Compile(s); err != nil {
		d.addAt(l, &problem{fmt.Sprintf("%s: %q: %v", name, s, err), "patterns are Go regular expressions (RE2)"})
		return false
	}
	return true
}

// setDuration parses a duration such as "10s"; zero is allowed when
// zeroOK, negative never.
func (d *decoder) setDuration(name string, dst *time.Duration, zeroOK bool) {
	l, ok := d.leaves[name]
	if !ok {
		return
	}
	v, err := time.ParseDuration(l.value.(string))
	if err != nil || v < 0 || (v == 0 && !zeroOK) {
		d.addAt(l, &problem{fmt.Sprintf("%s: %q is not a valid duration", name, l.value), `write a duration such as "500ms", "10s" or "24h"`})
		return
	}
	*dst = v
}

// setCount sets an integer that must be at least lo.
func (d *decoder) setCount(name string, dst *int, lo int) {
	l, ok := d.leaves[name]
	if !ok {
		return
	}
	n := l.value.(int64)
	if n < int64(lo) || n > 1<<31 {
		d.addAt(l, &problem{fmt.Sprintf("%s: %d is out of range", name, n), fmt.Sprintf("use an integer of at least %d", lo)})
		return
	}
	*dst = int(n)
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
