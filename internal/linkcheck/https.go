package linkcheck

import "context"

// preferHTTPS applies RequireHTTPS to v, the verdict on the http:// URL
// u, and returns the verdict reported. A link whose redirects end at
// https:// on the same host is a warning naming that URL, with no other
// request; an ok link whose https:// twin answers ok too (one more
// request, HEAD or GET as for any link) is a warning to use the twin.
// Otherwise v stands: this never makes a link broken.
func (c *Checker) preferHTTPS(ctx context.Context, u string, v verdict) verdict {
	if !c.o.RequireHTTPS || schemeOf(u) != "http" {
		return v
	}
	if (v.outcome == OK || v.permanent) && schemeOf(v.final) == "https" && hostOf(v.final) == hostOf(u) {
		v.outcome, v.permanent = Warning, false
		v.reason = "redirects to " + v.final
		v.hint = "link " + v.final + " directly"
		return v
	}
	if v.outcome != OK {
		return v
	}
	twin := "https" + u[len("http"):]
	if t := c.fetch(ctx, twin, nil); t.outcome != OK {
		return v
	}
	v.outcome = Warning
	v.reason = "plain HTTP, and the host serves HTTPS"
	v.hint = "use " + twin
	return v
}
