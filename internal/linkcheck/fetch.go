package linkcheck

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"syscall"
	"time"
)

// verdict is what checking one URL found.
type verdict struct {
	outcome   Outcome
	status    int
	reason    string
	cached    bool
	found     map[string]bool // fragments found in the body (anchor checks)
	truncated bool            // the body was longer than MaxBody
	err       error           // the request's or the body's error, if any
	inBody    bool            // err is the body's
	where     string          // "(after redirects to URL)" when the error was there
	redirects []int           // status codes of the redirects followed, in order
	moved     string          // the final URL when every redirect was permanent and it is ok
	hint      string          // how to fix it
	final     string          // the URL that answered last, after redirects
	permanent bool            // the Warning is a permanent redirect to final
	dead      bool            // 404, 410 or no such host: an archived copy may help
}

// fetch requests u, following redirects itself so each hop goes through
// the retry and limit decorators and permanent redirects can be reported.
// With frags it GETs the page and looks for them; otherwise it sends HEAD
// and falls back to GET when the server refuses HEAD. Timeout bounds the
// time in requests of all of it: every hop, retry and the body (a
// budget).
func (c *Checker) fetch(ctx context.Context, u string, frags []string) verdict {
	bctx, b := withBudget(ctx, c.o.Timeout)
	v := c.follow(bctx, u, frags)
	if v.err != nil && ctx.Err() == nil && b.ranOut() {
		// A request, or the reading of its body, ran out of time: a
		// timeout, whatever error the transport made of it.
		v.outcome, v.found, v.reason = Error, nil, "timed out"
		if v.inBody {
			v.reason += " reading the page"
		}
		v.reason += fmt.Sprintf(" (timeout %s)", c.o.Timeout)
		if v.where != "" {
			v.reason += " " + v.where
		}
	}
	return v
}

// follow is fetch within its budget.
func (c *Checker) follow(ctx context.Context, u string, frags []string) verdict {
	method := http.MethodHead
	soft := c.soft404Markers(u)
	if len(frags) > 0 || soft != nil {
		method = http.MethodGet
	}
	first := u
	seen := map[string]bool{u: true}
	permanent := ""
	var codes []int         // of the redirects followed
	var head *http.Response // the refused HEAD's answer, once GET is tried
	for hops := 0; ; {
		resp, retries, err := c.send(ctx, method, u)
		var limited *rateLimitedError
		if errors.As(err, &limited) {
			return verdict{outcome: Warning, reason: limited.Error()}
		}
		if err != nil {
			v := verdict{outcome: Error, reason: describeError(err, retries), err: err, final: u, dead: noSuchHost(err)}
			if len(seen) > 1 {
				v.where = "(after redirects to " + u + ")"
				v.reason += " " + v.where
			}
			return v
		}
		code := resp.StatusCode
		if loc := resp.Header.Get("Location"); code >= 300 && code <= 399 && loc != "" {
			drain(resp.Body)
			next, err := resolveLocation(u, loc)
			if err != nil {
				return verdict{outcome: Error, status: code, reason: fmt.Sprintf("redirect to an invalid URL %q", loc)}
			}
			if seen[next] {
				return verdict{outcome: Error, status: code, reason: "redirect loop at " + next}
			}
			if hops++; hops > c.o.MaxRedirects {
				return verdict{outcome: Error, status: code, reason: fmt.Sprintf("more than %d redirects", c.o.MaxRedirects)}
			}
			seen[next] = true
			codes = append(codes, code)
			if code == http.StatusMovedPermanently || code == http.StatusPermanentRedirect {
				permanent = next
			}
			u = next
			continue
		}
		_, spent := rateLimit(resp.Header, time.Time{})
		if method == http.MethodHead && headRefused(code) && !(spent && rateLimitedStatus(code)) {
			head = &http.Response{StatusCode: code, Header: resp.Header, Body: http.NoBody}
			drain(resp.Body)
			method = http.MethodGet
			continue
		}
		if head != nil && (code == http.StatusMethodNotAllowed || code == http.StatusNotImplemented) {
			// GET is refused too: HEAD's answer is all there is.
			drain(resp.Body)
			resp = head
		}
		v := c.judge(resp, u, frags, soft, retries)
		v.final, v.redirects = u, codes
		if v.outcome == OK && soft != nil && notFoundRedirect(first, u) {
			v.outcome, v.dead = Error, true
			v.reason = fmt.Sprintf("soft 404: the host answered %d with a not-found page (after redirects to %s)", v.status, u)
			return v
		}
		switch {
		case v.outcome == OK && permanent != "":
			if allPermanent(codes) {
				v.moved = u
			}
			v.outcome, v.permanent = Warning, true
			v.reason = "permanent redirect to " + u
		case v.outcome != OK && len(seen) > 1:
			v.where = "(after redirects to " + u + ")"
			v.reason += " " + v.where
		}
		return v
	}
}

// allPermanent reports whether every redirect of codes is permanent:
// 301 or 308.
func allPermanent(codes []int) bool {
	for _, c := range codes {
		if c != http.StatusMovedPermanently && c != http.StatusPermanentRedirect {
			return false
		}
	}
	return len(codes) > 0
}

// send makes one request (with retries) for u, and says how many retries
// it took.
func (c *Checker) send(ctx context.Context, method, u string) (*http.Response, int, error) {
	ctx, tries := countAttempts(ctx)
	req, err := http.NewRequestWithContext(ctx, method, u, nil)
	if err != nil {
		return nil, 0, err
	}
	req.Header.Set("User-Agent", c.o.UserAgent)
	req.Header.Set("Accept", accept)
	for k, vs := range c.o.Hosts[hostOf(u)].Headers {
		req.Header[k] = slices.Clone(vs)
	}
	resp, err := c.doer.Do(req)
	return resp, max(int(tries.Load())-1, 0), err
}

// headRefused reports whether a HEAD response may be the server's dislike
// of HEAD rather than the page's state: 405, 501 and other client errors
// (429 and 408 are retried as they are).
func headRefused(code int) bool {
	return code == http.StatusNotImplemented ||
		code >= 400 && code <= 499 && code != http.StatusTooManyRequests && code != http.StatusRequestTimeout
}

func resolveLocation(base, loc string) (string, error) {
	b, err := url.Parse(base)
	if err != nil {
		return "", err
	}
	l, err := url.Parse(loc)
	if err != nil {
		return "", err
	}
	r := b.ResolveReference(l)
	if r.Scheme != "http" && r.Scheme != "https" {
		return "", errors.New("not http")
	}
	return r.String(), nil
}

// judge turns the final response into a verdict, reading the body only
// for anchors (up to MaxBody, stopping once all are found) or to tell a
// bot wall from a real 403. It always closes the body.
//
// With soft (the title markers of a soft404 host), a 2xx page whose
// <title> holds one of them is broken.
func (c *Checker) judge(resp *http.Response, u string, frags, soft []string, retries int) verdict {
	defer resp.Body.Close()
	code := resp.StatusCode
	v := verdict{status: code}
	reset, spent := rateLimit(resp.Header, c.o.Now())
	switch {
	case spent && rateLimitedStatus(code):
		v.outcome, v.reason = Warning, statusText(code)+" (rate limited until "+stamp(reset)+retriedText(retries)+")"
	case code >= 200 && code <= 299 || c.accepted(code):
		v.outcome = OK
		var body io.Reader = io.LimitReader(resp.Body, c.o.MaxBody)
		if soft != nil && code <= 299 {
			head, title, found := readTitle(body, c.o.MaxBody)
			if found && notFoundTitle(title, soft) {
				v.outcome, v.dead = Error, true
				v.reason = fmt.Sprintf("soft 404: the host answered %d with a not-found page (title: %q)", code, title)
				return v
			}
			body = io.MultiReader(bytes.NewReader(head), body)
		}
		if len(frags) > 0 {
			v.found, v.truncated, v.err = findAnchors(body, frags, hostOf(u), c.o.MaxBody)
			if v.err != nil {
				v.inBody = true
				// A body cut short proves nothing about its anchors.
				v.outcome, v.found, v.reason = Error, nil, "reading the page: "+describeError(v.err, 0)
			}
		}
	case code == http.StatusTooManyRequests:
		v.outcome, v.reason = Warning, statusText(code)+" (rate limited"+retriedText(retries)+")"
	case code == 999:
		v.outcome, v.reason = Warning, "status 999 (LinkedIn refuses automated requests)"
	case code == http.StatusUnauthorized:
		v.outcome, v.reason = Warning, statusText(code)+" (the page needs a login)"
	case code == http.StatusForbidden && botWall(resp):
		v.outcome, v.reason = Warning, statusText(code)+" (a bot wall: the page may work in a browser)"
	case code >= 500:
		v.outcome, v.reason = Error, statusText(code)+retriedText(retries)
	default:
		v.outcome, v.reason = Error, statusText(code)
		v.dead = code == http.StatusNotFound || code == http.StatusGone
	}
	return v
}

func (c *Checker) accepted(code int) bool {
	for _, a := range c.o.AcceptStatus {
		if a == code {
			return true
		}
	}
	return false
}

func statusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return fmt.Sprintf("%d %s", code, t)
	}
	return fmt.Sprintf("status %d", code)
}

// retriedText says how many retries were made, "" for none.
func retriedText(retries int) string {
	switch retries {
	case 0:
		return ""
	case 1:
		return " after 1 retry"
	}
	return fmt.Sprintf(" after %d retries", retries)
}

// botWall reports whether a 403 carries the marks of an anti-bot service
// rather than of a forbidden page: Cloudflare's cf-mitigated header or
// challenge page, AWS WAF's or DataDome's headers.
func botWall(resp *http.Response) bool {
	h := resp.Header
	if h.Get("Cf-Mitigated") != "" || h.Get("X-Amzn-Waf-Action") != "" || h.Get("X-Datadome") != "" {
		return true
	}
	if !strings.EqualFold(h.Get("Server"), "cloudflare") {
		return false
	}
	head, _ := io.ReadAll(io.LimitReader(resp.Body, 32<<10))
	s := string(head)
	return strings.Contains(s, "challenge-platform") || strings.Contains(s, "Just a moment") || strings.Contains(s, "cf-chl")
}

// describeError says why a request failed in words a writer can act on.
func describeError(err error, retries int) string {
	var dns *net.DNSError
	var ne net.Error
	switch {
	case errors.Is(err, context.Canceled):
		return "canceled"
	case errors.As(err, &dns):
		return "DNS lookup failed: " + dns.Err
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused" + retriedText(retries)
	case tlsError(err):
		return "TLS error: " + unwrapURL(err).Error()
	case errors.As(err, &ne) && ne.Timeout():
		return "timed out" + retriedText(retries)
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "connection reset" + retriedText(retries)
	}
	return unwrapURL(err).Error() + retriedText(retries)
}

// unwrapURL drops *url.Error's "Get "https://…": " prefix.
func unwrapURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
