package linkcheck

import (
	"fmt"
	"io"
	"net/mail"
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// githubLine matches GitHub's line anchors (#L10, #L10-L20), which
// scripts create, so they are never in the HTML.
var githubLine = regexp.MustCompile(`^L[0-9]+(C[0-9]+)?(-L[0-9]+(C[0-9]+)?)?$`)

// findAnchors reads r (already limited to max bytes) as HTML until every
// fragment of frags is found as an id or <a name>, and reports which were
// found and whether the body may have gone on past max. On github.com an
// id "user-content-x" counts for fragment "x" and line anchors always
// count. A read error other than the end of the body is returned: the
// fragments not found yet may be in the part not read.
func findAnchors(r io.Reader, frags []string, host string, max int64) (map[string]bool, bool, error) {
	found := map[string]bool{}
	want := map[string][]string{} // id as it would appear → fragments it satisfies
	left := 0
	github := host == "github.com" || host == "www.github.com"
	for _, f := range frags {
		if f == "" || strings.EqualFold(f, "top") || github && githubLine.MatchString(f) {
			found[f] = true
			continue
		}
		keys := []string{f}
		if d, err := url.PathUnescape(f); err == nil && d != f {
			keys = append(keys, d)
		}
		if github {
			for _, k := range keys {
				keys = append(keys, "user-content-"+k)
			}
		}
		for _, k := range keys {
			want[k] = append(want[k], f)
		}
		left++
	}
	if left == 0 {
		return found, false, nil
	}
	cr := &countingReader{r: r}
	z := html.NewTokenizer(cr)
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if err := z.Err(); err != io.EOF {
				return found, false, err
			}
			return found, cr.n >= max, nil
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			if string(k) != "id" && !(string(k) == "name" && string(name) == "a") {
				continue
			}
			for _, f := range want[string(v)] {
				if !found[f] {
					found[f] = true
					left--
				}
			}
			if left == 0 {
				return found, false, nil
			}
		}
	}
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func missingAnchor(frag string, truncated bool) string {
	if truncated {
		return fmt.Sprintf("no anchor %q in the part of the page read (maxBodyBytes)", frag)
	}
	return fmt.Sprintf("no anchor %q on the page", frag)
}

// checkMailto checks the syntax of a mailto: URL: one or more addresses
// before an optional ?query.
func checkMailto(u string) verdict {
	to := u[len("mailto:"):]
	if i := strings.IndexByte(to, '?'); i >= 0 {
		to = to[:i]
	}
	if d, err := url.PathUnescape(to); err == nil {
		to = d
	}
	if strings.TrimSpace(to) == "" {
		return verdict{outcome: Error, reason: "mailto: link without an address"}
	}
	for _, a := range strings.Split(to, ",") {
		if _, err := mail.ParseAddress(strings.TrimSpace(a)); err != nil {
			return verdict{outcome: Error, reason: fmt.Sprintf("invalid e-mail address %q", strings.TrimSpace(a))}
		}
	}
	return verdict{outcome: OK}
}

// telNumber is what RFC 3966 allows in a phone number: digits, visual
// separators, a leading + and ;parameters.
var telNumber = regexp.MustCompile(`^\+?[0-9().\- ]*[0-9][0-9().\- ]*(;[^;]+)*$`)

func checkTel(u string) verdict {
	n := u[len("tel:"):]
	if d, err := url.PathUnescape(n); err == nil {
		n = d
	}
	if !telNumber.MatchString(n) {
		return verdict{outcome: Error, reason: fmt.Sprintf("invalid phone number %q", n)}
	}
	return verdict{outcome: OK}
}
