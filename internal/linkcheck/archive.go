package linkcheck

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// archiveHint returns the hint of a dead link u (no fragment): with
// ArchiveAPI, the closest snapshot the API knows of, or that it knows
// none; without it, or when the API cannot be asked, the ArchiveURL
// template filled in with u, which costs no request. "" when neither
// is set.
func (c *Checker) archiveHint(ctx context.Context, u string) string {
	if c.o.ArchiveAPI != "" {
		snap, err := c.closestSnapshot(ctx, u)
		switch {
		case err == nil && snap != "":
			return "archived copy: " + snap
		case err == nil:
			return "no archived copy found"
		}
	}
	if c.o.ArchiveURL == "" {
		return ""
	}
	return "archived copies: " + ArchiveLink(c.o.ArchiveURL, u)
}

// ArchiveLink fills the template tmpl's "{url}" with u: query-escaped
// when it stands in the query ("?url={url}"), as it is in the path
// ("https://web.archive.org/web/*/{url}"), where an archive takes the
// whole URL, but with spaces and quotes escaped.
func ArchiveLink(tmpl, u string) string {
	i := strings.Index(tmpl, "{url}")
	if i < 0 {
		return tmpl
	}
	if q := strings.IndexByte(tmpl, '?'); q >= 0 && q < i {
		return strings.ReplaceAll(tmpl, "{url}", url.QueryEscape(u))
	}
	esc := strings.NewReplacer(" ", "%20", `"`, "%22", "<", "%3C", ">", "%3E", "#", "%23")
	return strings.ReplaceAll(tmpl, "{url}", esc.Replace(u))
}

// closestSnapshot asks the availability API for u's closest snapshot,
// through the checker's limits and retries (the API's host has its own).
// It returns "" when the API knows none.
func (c *Checker) closestSnapshot(ctx context.Context, u string) (string, error) {
	api, err := url.Parse(c.o.ArchiveAPI)
	if err != nil {
		return "", err
	}
	q := api.Query()
	q.Set("url", u)
	api.RawQuery = q.Encode()
	bctx, _ := withBudget(ctx, c.o.Timeout)
	resp, _, err := c.send(bctx, http.MethodGet, api.String())
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", errors.New(statusText(resp.StatusCode))
	}
	var answer struct {
		Snapshots struct {
			Closest *struct {
				Available bool   `json:"available"`
				URL       string `json:"url"`
			} `json:"closest"`
		} `json:"archived_snapshots"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&answer); err != nil {
		return "", err
	}
	cl := answer.Snapshots.Closest
	if cl == nil || !cl.Available {
		return "", nil
	}
	if s := schemeOf(cl.URL); s != "http" && s != "https" {
		return "", errors.New("the snapshot is not an http(s) URL")
	}
	return cl.URL, nil
}

// noSuchHost reports whether err is a DNS answer that the host does not
// exist (not a lookup that failed for now): a dead link.
func noSuchHost(err error) bool {
	var dns *net.DNSError
	return errors.As(err, &dns) && dns.IsNotFound
}
