package linkcheck

import (
	"net/url"
	"path"
	"strings"
)

// refKind classifies one href.
type refKind int

const (
	refIgnore   refKind = iota // not a link to check: "", javascript:, data:
	refInternal                // a path on this site
	refExternal                // http(s), mailto:, tel: or another scheme
)

// ref is an href resolved against the page it is on.
type ref struct {
	kind refKind
	// url is the key results are grouped by: for internal links the site
	// path with its fragment ("/docs/faq/upgrade/#rollback"), for external
	// ones the URL as written (trimmed).
	url  string
	path string // internal: percent-decoded path below the base, "faq/upgrade/"
	frag string // internal: percent-decoded fragment, "" if none
	// outside is set for internal paths that are not under the base path.
	outside bool
}

// resolve classifies href as found on the page at site path pageURL.
func (l *Links) resolve(pageURL, href string) ref {
	href = strings.TrimSpace(href)
	if href == "" {
		return ref{}
	}
	if scheme := schemeOf(href); scheme != "" {
		switch scheme {
		case "javascript", "data", "blob", "about":
			return ref{}
		case "http", "https":
			if l.origin != "" && strings.HasPrefix(strings.ToLower(href), l.origin+"/") {
				return l.internal(pageURL, href[len(l.origin):])
			}
		}
		return ref{kind: refExternal, url: href}
	}
	if strings.HasPrefix(href, "//") {
		return ref{kind: refExternal, url: "https:" + href}
	}
	return l.internal(pageURL, href)
}

// schemeOf returns the lower-case scheme of an absolute URL, "" for a
// relative reference.
func schemeOf(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case c == ':' && i > 0:
			return strings.ToLower(s[:i])
		default:
			return ""
		}
	}
	return ""
}

// internal resolves a relative or root-relative reference.
func (l *Links) internal(pageURL, href string) ref {
	p, frag := href, ""
	if i := strings.IndexByte(p, '#'); i >= 0 {
		p, frag = p[:i], p[i+1:]
	}
	if i := strings.IndexByte(p, '?'); i >= 0 {
		p = p[:i]
	}
	if f, err := url.PathUnescape(frag); err == nil {
		frag = f
	}
	if d, err := url.PathUnescape(p); err == nil {
		p = d
	}
	switch {
	case p == "":
		p = pageURL
	case !strings.HasPrefix(p, "/"):
		p = pageURL[:strings.LastIndexByte(pageURL, '/')+1] + p
	}
	dir := strings.HasSuffix(p, "/") || strings.HasSuffix(p, "/.") || strings.HasSuffix(p, "/..")
	p = path.Clean(p)
	if dir && p != "/" {
		p += "/"
	}
	r := ref{kind: refInternal, url: p, frag: frag}
	if frag != "" {
		r.url += "#" + frag
	}
	if !strings.HasPrefix(p, l.base) && p+"/" != l.base {
		r.outside = true
		return r
	}
	r.path = strings.TrimPrefix(strings.TrimPrefix(p, l.base), strings.TrimSuffix(l.base, "/"))
	r.path = strings.TrimPrefix(r.path, "/")
	return r
}

// target returns the doc (nil for non-HTML files) a site path below the
// base names, and whether any file is there. "faq/" and "faq" both name
// faq/index.html, as web servers redirect the second to the first.
func (l *Links) target(p string) (*doc, bool) {
	if p == "" || strings.HasSuffix(p, "/") {
		return l.file(p + "index.html")
	}
	if d, ok := l.file(p); ok {
		return d, true
	}
	return l.file(p + "/index.html")
}

// unpublished returns why the page a site path below the base names is
// not written (Options.Unpublished), "" when no such page is known; it
// reads p as target does.
func (l *Links) unpublished(p string) string {
	if len(l.unpub) == 0 {
		return ""
	}
	if p == "" || strings.HasSuffix(p, "/") {
		return l.unpub[p+"index.html"]
	}
	if why := l.unpub[p]; why != "" {
		return why
	}
	return l.unpub[p+"/index.html"]
}
