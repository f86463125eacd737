package config

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/quire-docs/quire/internal/diag"
)

// NormalizeBaseURL checks a base URL and returns it ending in "/". It
// accepts an absolute http(s) URL with a host ("https://example.org/docs")
// or a root-relative path ("/docs"); it rejects relative and
// scheme-relative URLs ("//example.org/docs"), other schemes, and any query
// or fragment. The error is a *diag.Diagnostic without a position, whose
// message does not name the key, so that the caller can say where the
// value came from (config.toml's baseURL, the --base-url flag).
//
// config.Parse applies it to baseURL; a caller that overrides BaseURL must
// apply it too.
func NormalizeBaseURL(s string) (string, error) {
	u, p := normaliseBaseURL(s)
	if p != nil {
		d := diag.Errorf("", 0, 0, "%s", p.msg)
		if p.hint != "" {
			d.WithHint("%s", p.hint)
		}
		return "", d
	}
	return u, nil
}

// BasePath returns the path of c.BaseURL, escaped as in a URL, starting and
// ending with "/": "/docs/" for "https://example.org/docs", "/" when the
// URL has no path or does not parse. Site-root paths ("/faq/") are
// published under it as BasePath + "faq/".
func (c Config) BasePath() string {
	u, err := url.Parse(c.BaseURL)
	if err != nil {
		return "/"
	}
	p := u.EscapedPath()
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

// AbsURL returns rel, a root-relative URL path that already includes
// BasePath ("/docs/faq/"), as an absolute URL "scheme://host/docs/faq/"
// when c.BaseURL has a host, and unchanged when it is a path only.
func (c Config) AbsURL(rel string) string {
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return rel
	}
	if !strings.HasPrefix(rel, "/") {
		rel = "/" + rel
	}
	return u.Scheme + "://" + u.Host + rel
}

// normaliseBaseURL is NormalizeBaseURL with the problem not yet turned into
// an error, so that Parse can place it at the baseURL key. Messages do not
// name the key.
func normaliseBaseURL(s string) (string, *problem) {
	const want = `want an absolute http(s) URL such as "https://example.org/docs/", or a path such as "/docs/"`
	if strings.TrimSpace(s) == "" {
		return "", &problem{"must not be empty", `use "/" to serve from the root of the host`}
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", &problem{fmt.Sprintf("%q is not a valid URL", s), want}
	}
	switch {
	case strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//"):
		// A root-relative path: the site is served from there on any host.
	case u.Scheme == "":
		// Also "//example.org/docs": scheme-relative URLs are rejected so
		// that Permalinks and the sitemap are absolute.
		return "", &problem{fmt.Sprintf("%q is a relative URL", s), fmt.Sprintf(`write %q`, "https://"+strings.TrimPrefix(s, "//"))}
	case u.Scheme != "http" && u.Scheme != "https" && isPort(u.Opaque):
		// "localhost:1313" parses as scheme "localhost".
		return "", &problem{fmt.Sprintf("%q has no http:// or https:// scheme", s), fmt.Sprintf(`write %q`, "http://"+s)}
	case u.Scheme != "http" && u.Scheme != "https":
		return "", &problem{fmt.Sprintf("scheme %q is not supported", u.Scheme), want}
	case u.Host == "":
		return "", &problem{fmt.Sprintf("%q has no host", s), want}
	}
	if u.RawQuery != "" || u.Fragment != "" || strings.ContainsAny(s, "?#") {
		return "", &problem{fmt.Sprintf("%q has a query or fragment", s), want}
	}
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	return s, nil
}

func isPort(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
